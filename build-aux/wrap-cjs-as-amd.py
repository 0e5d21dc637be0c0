#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Wraps a CommonJS file as an anonymous AMD module whose value is one of its exports.

nanoid 3 ships its non-secure build only as CommonJS; the cabinet loads every host library
through requirejs, so the build wraps it instead of changing a line of it.
usage: wrap-cjs-as-amd.py INPUT OUTPUT EXPORT_NAME
"""
import sys

source, output, export_name = sys.argv[1:4]
with open(source, encoding="utf-8") as f:
    body = f.read()
with open(output, "w", encoding="utf-8") as f:
    f.write("/* Built from %s by build-aux/wrap-cjs-as-amd.py */\n" % source.split("node_modules/")[-1])
    f.write("define([], function () {\n  var module = { exports: {} }, exports = module.exports;\n")
    f.write(body)
    f.write("\n  return module.exports.%s;\n});\n" % export_name)
