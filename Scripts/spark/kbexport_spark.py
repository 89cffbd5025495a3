#!/usr/bin/env python3
"""Extract a corpus of articles with Apache Spark, then merge: the output is byte for byte what one
`kbexport INPUT... --format F` run on one machine gives.

    spark-submit Scripts/spark/kbexport_spark.py --kbexport .build/release/kbexport \
        --format graphml -o corpus.graphml [--partitions 8] [--master local[2]] INPUT...
    python3 Scripts/spark/kbexport_spark.py ...      # the same, with pyspark from pip (local mode)

How it works:
1. The driver lists the articles as kbexport does (a directory: its *.txt files, recursively, names
   starting with "." skipped, sorted by path bytes; a file: itself), keeping the path strings kbexport
   would print, since a document's path is part of the output.
2. The list is cut into partitions (`sc.parallelize(paths, partitions)`); each executor runs
   `kbexport extract PATHS...` on its partition (the binary is shipped with `SparkContext.addFile`) and
   returns the shard, a facts file whose ids come from content, not from the cut.
3. The driver writes the shards to a temporary folder and runs `kbexport merge SHARDS... --format F`:
   entities with the same id are one entity, whatever the order of the shards.
Executors must see the article paths (local mode; on a cluster, a shared file system). Each shard comes
back to the driver whole: for corpora beyond the driver's memory, see docs/scale-out.md.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def list_articles(inputs):
    """The files kbexport reads for INPUT..., with the path strings it prints."""
    out = []
    for p in inputs:
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p, followlinks=True):
                dirs[:] = [d for d in dirs if not d.startswith('.')]
                for name in files:
                    if not name.startswith('.') and name.lower().endswith('.txt'):
                        rel = os.path.relpath(os.path.join(root, name), p)
                        found.append(p.rstrip('/') + '/' + rel if p != '/' else '/' + rel)
            found.sort(key=lambda s: s.encode('utf-8'))
            out += found
        else:
            out.append(p)
    return out


def extract_partition(binary_name):
    def run(paths):
        paths = list(paths)
        if not paths:
            return
        from pyspark import SparkFiles
        exe = SparkFiles.get(binary_name)
        os.chmod(exe, 0o755)
        proc = subprocess.run([exe, 'extract', '--'] + paths, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode not in (0, 2):   # 2: written, some inputs skipped (named on stderr)
            raise RuntimeError('kbexport extract failed (%d): %s' % (proc.returncode, proc.stderr.decode('utf-8', 'replace')))
        yield proc.stdout
    return run


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('inputs', nargs='+', help='article files or directories')
    ap.add_argument('--kbexport', required=True, help='path of the kbexport binary (shipped to the executors)')
    ap.add_argument('--format', default='graphml', help='output format (any of kbexport\'s)')
    ap.add_argument('-o', '--output', required=True, help='output file')
    ap.add_argument('--partitions', type=int, default=0, help='number of partitions (default: Spark\'s parallelism)')
    ap.add_argument('--master', default=None, help='Spark master when run with python3 (default: local[2])')
    ap.add_argument('--export-option', action='append', default=[], help='extra option passed to kbexport merge')
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName('kbexport')
    if args.master or 'SPARK_HOME' not in os.environ:
        builder = builder.master(args.master or 'local[2]')
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        binary = os.path.abspath(args.kbexport)
        sc.addFile(binary)
        paths = list_articles(args.inputs)
        if not paths:
            print('kbexport_spark: no articles found', file=sys.stderr)
            return 1
        n = args.partitions or sc.defaultParallelism
        shards = sc.parallelize(paths, min(n, len(paths))).mapPartitions(extract_partition(os.path.basename(binary))).collect()
    finally:
        spark.stop()
    with tempfile.TemporaryDirectory(prefix='kbexport-shards-') as tmp:
        files = []
        for i, data in enumerate(shards):
            f = os.path.join(tmp, 'shard-%05d.jsonl' % i)
            with open(f, 'wb') as fh:
                fh.write(data)
            files.append(f)
        cmd = [binary, 'merge'] + files + ['--format', args.format, '-o', args.output] + args.export_option
        return subprocess.run(cmd).returncode


if __name__ == '__main__':
    sys.exit(main())
