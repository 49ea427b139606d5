#!/usr/bin/env python3
"""Rewrites the README's generated sections from the programs that measure them.

A generated section sits between "<!-- BEGIN generated:NAME -->" and
"<!-- END generated:NAME -->"; its text is exactly the named program's output,
never typed by hand. tests/cli/tst_readme.cpp fails when the operator table
or the compile example no longer match what emberc prints.

    scripts/update_readme.py [SECTION ...] [--build DIR]

Sections (all when none is named):
    ops        build/app/emberc ops --markdown           (instant)
    optiontable build/app/emberc options --markdown      (instant)
    compile    build/bench/ember_bench                    (about a minute)
    options    bench/api_modes.sh build/app/emberc        (a few minutes: arm-none-eabi-gcc)
    opfamilies build/bench/ember_bench_ops                (a minute)
    boards     build/flashers/bench_boards                (QEMU; every MLPerf model x M4/M7/M55 with the board's
                                                          --target vs TFLM+CMSIS-NN; about 5 minutes)
    optimize   build/flashers/bench_boards --optimize all --board M4F --board M7 --board M55
                                                          (QEMU; every MLPerf model x --optimize balanced/speed/size:
                                                          instructions, flash, flash - weights; about 10 minutes)
    inplace    build/flashers/bench_boards --in-place fuse --io workspace --board M4F --board M55
                                                          (QEMU; every MLPerf model with --in-place fuse, I/O in the
                                                          workspace as in TFLM's arena: workspace,
                                                          RAM, stack, instructions; about 4 minutes)
    state      build/flashers/bench_state                 (QEMU; the stateful models, a few minutes)
    fuzz       scripts/fuzz.sh --runs 1000000             (the long fuzzing run; tens of minutes)
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def commands(build):
    return {
        "ops": [os.path.join(build, "app", "emberc"), "ops", "--markdown"],
        "optiontable": [os.path.join(build, "app", "emberc"), "options", "--markdown"],
        "compile": [os.path.join(build, "bench", "ember_bench")],
        "options": ["bash", os.path.join(ROOT, "bench", "api_modes.sh"), os.path.join(build, "app", "emberc")],
        "opfamilies": [os.path.join(build, "bench", "ember_bench_ops")],
        "boards": [os.path.join(build, "flashers", "bench_boards")],
        "optimize": [os.path.join(build, "flashers", "bench_boards"), "--optimize", "all", "--board", "M4F",
                     "--board", "M7", "--board", "M55"],
        "inplace": [os.path.join(build, "flashers", "bench_boards"), "--in-place", "fuse", "--io", "workspace",
                    "--board", "M4F", "--board", "M55"],
        "state": [os.path.join(build, "flashers", "bench_state")],
        "fuzz": ["bash", os.path.join(ROOT, "scripts", "fuzz.sh"), "--runs", "1000000"],
    }


def replace_section(text, name, body):
    pattern = re.compile(r"(<!-- BEGIN generated:%s -->\n)(?:.*?\n)?(<!-- END generated:%s -->)" % (name, name), re.S)
    if not pattern.search(text):
        raise SystemExit("README.md has no generated section '%s'" % name)
    return pattern.sub(lambda m: m.group(1) + body.strip("\n") + "\n" + m.group(2), text)


def main():
    cmds = commands("build")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sections", nargs="*", help="sections to rewrite: %s (default: all)" % ", ".join(cmds))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="build directory")
    args = ap.parse_args()
    cmds = commands(args.build)
    for name in args.sections:
        if name not in cmds:
            ap.error("unknown section '%s'" % name)
    path = os.path.join(ROOT, "README.md")
    text = open(path, encoding="utf-8").read()
    for name in args.sections or list(cmds):
        if ("<!-- BEGIN generated:%s -->" % name) not in text:
            print("skip %s: no section in README.md" % name)
            continue
        print("running", " ".join(cmds[name]), file=sys.stderr)
        out = subprocess.run(cmds[name], cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True).stdout
        text = replace_section(text, name, out)
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
