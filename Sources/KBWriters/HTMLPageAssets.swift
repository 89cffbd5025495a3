// The inline style and script of the HTML page (HTMLWriter.swift). Both are static; neither may contain `</`,
// `<!--` or `]]>` (HTMLWriter.embed checks), and the CSS loads nothing (no url(), no @import).

enum HTMLPageAssets {
    static let css = """
        html, body { margin: 0; height: 100%; color: #1d2329; background: #f4f5f7;
          font-family: 'Noto Sans', 'DejaVu Sans', 'Noto Sans Arabic', Arial, sans-serif; }
        body { display: flex; flex-direction: column; }
        header { padding: 8px 16px; background: #ffffff; border-bottom: 1px solid #d8dce1;
          display: flex; align-items: baseline; gap: 16px; }
        header h1 { font-size: 18px; margin: 0; }
        header p { margin: 0; color: #5b626b; font-size: 13px; }
        main { flex: 1; display: flex; min-height: 0; }
        #graph { flex: 1; min-width: 0; background: #ffffff; }
        #graph svg { width: 100%; height: 100%; display: block; cursor: grab; touch-action: none; }
        #graph svg a { cursor: pointer; }
        #panel { width: 380px; flex: none; overflow-y: auto; padding: 4px 16px 16px; background: #f4f5f7;
          border-left: 1px solid #d8dce1; font-size: 13px; }
        #panel h2 { font-size: 15px; margin: 12px 0 6px; }
        #legend ul { list-style: none; padding: 0; margin: 0 0 6px; }
        #legend li { display: inline-block; margin: 0 14px 4px 0; }
        #legend p { color: #5b626b; margin: 4px 0; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 5px;
          vertical-align: -1px; }
        .ev { display: none; }
        .ev:target, .ev.active { display: block; }
        .ev h3 { font-size: 14px; margin: 10px 0 4px; }
        .ev ol { padding-left: 20px; margin: 0; }
        .ev blockquote { margin: 4px 0; padding: 6px 10px; background: #ffffff; border-inline-start: 3px solid #4e79a7;
          font-size: 15px; line-height: 1.7; font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', serif; }
        .ev dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0 12px; }
        .ev dt { color: #5b626b; }
        .ev dd { margin: 0; overflow-wrap: anywhere; }
        svg .edge:hover path, svg .edge.hl path { stroke: #d62728; }
        svg .edge:hover text, svg .edge.hl text { fill: #d62728; }
        svg.focus .node:not(.hl), svg.focus .edge:not(.hl) { opacity: 0.15; }
        svg .node { cursor: pointer; }
        """

    /// Hover or click on an edge shows its evidence; a click pins it. A click on a node shows its relations and
    /// fades the rest. Wheel zooms, drag moves, double-click resets. When it has run, the script sets
    /// `data-kb-ready` on the root element (the browser test looks for it); an uncaught error sets `data-kb-error`.
    static let script = """
        (function () {
          'use strict';
          var root = document.documentElement;
          window.addEventListener('error', function (e) { root.setAttribute('data-kb-error', String(e.message)); });
          var svg = document.querySelector('#graph svg');
          var hint = document.getElementById('hint');
          var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));
          var nodes = Array.prototype.slice.call(svg.querySelectorAll('.node'));
          var shown = [];
          var pinned = false;

          function clear() {
            shown.forEach(function (el) { el.classList.remove('active'); });
            shown = [];
            svg.querySelectorAll('.hl').forEach(function (el) { el.classList.remove('hl'); });
            svg.classList.remove('focus');
            hint.hidden = false;
          }
          function show(list) {
            clear();
            list.forEach(function (edge) {
              var ev = document.getElementById('ev-' + edge.id.slice(1));
              if (ev) { ev.classList.add('active'); shown.push(ev); }
              edge.classList.add('hl');
            });
            hint.hidden = list.length > 0;
          }
          edges.forEach(function (edge) {
            edge.addEventListener('mouseenter', function () { if (!pinned) { show([edge]); } });
            edge.addEventListener('mouseleave', function () { if (!pinned) { clear(); } });
            edge.addEventListener('click', function (e) {
              e.preventDefault();
              e.stopPropagation();
              if (dragged) { return; }
              pinned = true;
              show([edge]);
            });
          });
          nodes.forEach(function (node) {
            node.addEventListener('click', function (e) {
              e.stopPropagation();
              if (dragged) { return; }
              var id = node.getAttribute('data-id');
              var mine = edges.filter(function (edge) {
                return edge.getAttribute('data-source') === id || edge.getAttribute('data-target') === id;
              });
              pinned = true;
              show(mine);
              svg.classList.add('focus');
              node.classList.add('hl');
              mine.forEach(function (edge) {
                [edge.getAttribute('data-source'), edge.getAttribute('data-target')].forEach(function (other) {
                  nodes.forEach(function (n) { if (n.getAttribute('data-id') === other) { n.classList.add('hl'); } });
                });
              });
            });
          });
          svg.addEventListener('click', function () { if (!dragged) { pinned = false; clear(); } });

          // Zoom and pan by changing the viewBox.
          var base = svg.viewBox.baseVal;
          var initial = [base.x, base.y, base.width, base.height];
          var box = initial.slice();
          var start = null;
          var dragged = false;
          function apply() { svg.setAttribute('viewBox', box.join(' ')); }
          function unitsPerPixel() {
            var r = svg.getBoundingClientRect();
            return Math.max(box[2] / Math.max(r.width, 1), box[3] / Math.max(r.height, 1));
          }
          svg.addEventListener('wheel', function (e) {
            e.preventDefault();
            var r = svg.getBoundingClientRect();
            var k = unitsPerPixel();
            var px = box[0] + box[2] / 2 + (e.clientX - r.left - r.width / 2) * k;
            var py = box[1] + box[3] / 2 + (e.clientY - r.top - r.height / 2) * k;
            var f = e.deltaY > 0 ? 1.15 : 1 / 1.15;
            box = [px - (px - box[0]) * f, py - (py - box[1]) * f, box[2] * f, box[3] * f];
            apply();
          }, { passive: false });
          svg.addEventListener('pointerdown', function (e) {
            start = { x: e.clientX, y: e.clientY, box: box.slice(), k: unitsPerPixel() };
            dragged = false;
          });
          svg.addEventListener('pointermove', function (e) {
            if (!start) { return; }
            var dx = e.clientX - start.x, dy = e.clientY - start.y;
            if (Math.abs(dx) + Math.abs(dy) > 4) { dragged = true; }
            if (dragged) {
              box = [start.box[0] - dx * start.k, start.box[1] - dy * start.k, start.box[2], start.box[3]];
              apply();
            }
          });
          window.addEventListener('pointerup', function () { start = null; setTimeout(function () { dragged = false; }, 0); });
          svg.addEventListener('dblclick', function () { box = initial.slice(); apply(); });

          root.setAttribute('data-kb-ready', String(edges.length));
        })();
        """
}
