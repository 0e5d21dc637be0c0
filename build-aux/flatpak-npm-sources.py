#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The npm host libraries as offline flatpak-builder sources, from package-lock.json.

flatpak-builder builds without network, so every tarball the lockfile pins is a "file"
source with the lockfile's integrity hash; a "shell" source in the manifest then runs this
script with --unpack to lay them out as the node_modules tree `npm ci` would make, and meson
takes that folder with -Dnode_modules.  npm never runs in the Flatpak build.

flatpak/npm-sources.json is generated, but committed on purpose, like flathub's
generated-sources.json: flatpak-builder reads it from the source tree.  Regenerate it after
every change to package-lock.json (`meson test --suite validate` fails until you do):

  build-aux/flatpak-npm-sources.py                 write flatpak/npm-sources.json
  build-aux/flatpak-npm-sources.py --check         exit 1 with a diff if it is out of date
  build-aux/flatpak-npm-sources.py --check-manifest flatpak/io.github.cabinet.Inspector.json
                                                   every file the manifest names exists and
                                                   every npm source matches the lockfile
  build-aux/flatpak-npm-sources.py --unpack TARBALLS --into DIR
                                                   DIR/node_modules from the tarballs in
                                                   TARBALLS, each checked against the lockfile

Standard library only: it runs in the GNOME Sdk and on any build machine.
"""
import argparse
import base64
import difflib
import hashlib
import json
import os
import shutil
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_LOCKFILE = os.path.join(ROOT, "package-lock.json")
DEFAULT_OUTPUT = os.path.join(ROOT, "flatpak", "npm-sources.json")
# Where the manifest puts the tarballs, relative to the module's build directory.
TARBALL_DEST = "npm-tarballs"
# npm omits `resolved` from the lockfile for packages of the default registry when
# omit-lockfile-registry-resolved is set; it then fetches them from this registry.
DEFAULT_REGISTRY = "https://registry.npmjs.org/"
# The hashes flatpak-builder's "file" source checks, strongest first.
HASHES = ("sha512", "sha256", "sha1")


class LockfileError(Exception):
    pass


def package_name(path, entry):
    """The package's name: its own `name` for an alias, else the folder it installs into."""
    if entry.get("name"):
        return entry["name"]
    return path.rsplit("node_modules/", 1)[-1]


def tarball_url(path, entry):
    if entry.get("resolved"):
        return entry["resolved"]
    name = package_name(path, entry)
    version = entry.get("version")
    if not version:
        raise LockfileError("%s: no version and no resolved URL" % path)
    # https://registry.npmjs.org/@scope/name/-/name-1.0.0.tgz
    return "%s%s/-/%s-%s.tgz" % (DEFAULT_REGISTRY, name, name.rsplit("/", 1)[-1], version)


def checksum(path, entry):
    """(algorithm, hex digest) from the lockfile's integrity, the strongest one it has."""
    integrity = entry.get("integrity")
    if not integrity:
        raise LockfileError("%s: no integrity hash" % path)
    found = {}
    for item in integrity.split():
        algorithm, _, digest = item.partition("-")
        if algorithm in HASHES:
            found[algorithm] = base64.b64decode(digest.split("?")[0]).hex()
    for algorithm in HASHES:
        if algorithm in found:
            return algorithm, found[algorithm]
    raise LockfileError("%s: no sha512, sha256 or sha1 in its integrity %r" % (path, integrity))


def dest_filename(path, entry):
    """A file name that tells the tarball's place in the tree:
    node_modules/@babel/runtime -> @babel+runtime-7.29.14.tgz,
    node_modules/a/node_modules/b -> a~b-1.0.0.tgz."""
    inner = path[len("node_modules/"):].split("/node_modules/")
    return "%s-%s.tgz" % ("~".join(part.replace("/", "+") for part in inner), entry["version"])


def read_packages(lockfile):
    """The installed packages of the lockfile as (path, entry), in lockfile order."""
    with open(lockfile, encoding="utf-8") as f:
        lock = json.load(f)
    if lock.get("lockfileVersion", 1) < 2 or "packages" not in lock:
        raise LockfileError("%s: lockfileVersion 2 or 3 needed (npm 7 or later)" % lockfile)
    packages = []
    for path, entry in lock["packages"].items():
        if path == "" or entry.get("link"):
            continue  # the project itself, and workspace links: nothing to fetch
        if not path.startswith("node_modules/"):
            raise LockfileError("%s: a package outside node_modules/ is not supported" % path)
        if entry.get("resolved", "").startswith(("git", "file:")):
            raise LockfileError("%s: only registry tarballs are supported, not %s"
                                % (path, entry["resolved"]))
        packages.append((path, entry))
    return packages


def sources_for(lockfile):
    sources = []
    seen = {}
    for path, entry in read_packages(lockfile):
        filename = dest_filename(path, entry)
        if filename in seen:
            raise LockfileError("%s and %s would both be %s" % (seen[filename], path, filename))
        seen[filename] = path
        algorithm, digest = checksum(path, entry)
        sources.append({
            "type": "file",
            "url": tarball_url(path, entry),
            algorithm: digest,
            "dest": TARBALL_DEST,
            "dest-filename": filename,
        })
    return sources


def render(sources):
    return json.dumps(sources, indent=2, ensure_ascii=False) + "\n"


def check(lockfile, output):
    expected = render(sources_for(lockfile))
    try:
        with open(output, encoding="utf-8") as f:
            actual = f.read()
    except FileNotFoundError:
        actual = ""
    if actual == expected:
        print("%s matches %s" % (os.path.relpath(output), os.path.relpath(lockfile)))
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        actual.splitlines(True), expected.splitlines(True),
        os.path.relpath(output) + " (committed)", os.path.relpath(output) + " (from the lockfile)"))
    print("\n%s is out of date: run build-aux/flatpak-npm-sources.py and commit it"
          % os.path.relpath(output), file=sys.stderr)
    return 1


def check_manifest(manifest, lockfile):
    """Every module and source file the manifest names exists; every npm source is one of
    the lockfile's tarballs with its hash."""
    problems = []
    base = os.path.dirname(os.path.abspath(manifest))
    expected = {(s["url"], s["dest-filename"]): s for s in sources_for(lockfile)}

    def load(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def check_sources(sources, where, directory):
        for i, source in enumerate(sources):
            label = "%s source %d" % (where, i)
            if isinstance(source, str):
                # A file of more sources, relative to the file that names it.
                target = os.path.join(directory, source)
                if not os.path.isfile(target):
                    problems.append("%s: %s does not exist" % (label, source))
                    continue
                included = load(target)
                check_sources(included if isinstance(included, list) else [included],
                              os.path.relpath(target, base), os.path.dirname(target))
                continue
            kind = source.get("type")
            if "path" in source:
                target = os.path.join(directory, source["path"])
                exists = os.path.isdir(target) if kind in ("dir", "git") else os.path.isfile(target)
                if not exists:
                    problems.append("%s: %s %s does not exist" % (label, kind, source["path"]))
            for item in source.get("paths", []):  # a patch source may name several files
                if not os.path.isfile(os.path.join(directory, item)):
                    problems.append("%s: %s does not exist" % (label, item))
            if kind == "file" and source.get("dest") == TARBALL_DEST:
                want = expected.pop((source.get("url"), source.get("dest-filename")), None)
                if want is None:
                    problems.append("%s: %s is no package of the lockfile"
                                    % (label, source.get("url")))
                elif want != source:
                    problems.append("%s: %s has another hash or destination than the lockfile"
                                    % (label, source.get("url")))

    def check_modules(modules, where, directory):
        for i, module in enumerate(modules):
            if isinstance(module, str):
                target = os.path.join(directory, module)
                if not os.path.isfile(target):
                    problems.append("%s module %d: %s does not exist" % (where, i, module))
                    continue
                module = load(target)
                directory_of_module = os.path.dirname(target)
            else:
                directory_of_module = directory
            name = "%s module %s" % (where, module.get("name", i))
            check_sources(module.get("sources", []), name, directory_of_module)
            check_modules(module.get("modules", []), name, directory_of_module)

    check_modules(load(manifest).get("modules", []), os.path.basename(manifest), base)
    for url, _ in expected:
        problems.append("no source in the manifest for the lockfile's %s" % url)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("%s: every module and source exists, the npm sources match %s"
              % (os.path.relpath(manifest), os.path.relpath(lockfile)))
    return 1 if problems else 0


def file_digest(path, algorithm):
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def unpack(lockfile, tarballs, into):
    """DIR/node_modules/<path> from each tarball, as `npm ci --ignore-scripts` lays it out."""
    for path, entry in read_packages(lockfile):
        tarball = os.path.join(tarballs, dest_filename(path, entry))
        algorithm, digest = checksum(path, entry)
        if file_digest(tarball, algorithm) != digest:
            raise LockfileError("%s: %s does not match the lockfile's integrity" % (path, tarball))
        target = os.path.join(into, path)
        if os.path.exists(target):
            shutil.rmtree(target)
        os.makedirs(target)
        with tarfile.open(tarball, "r:gz") as tar:
            members = []
            for member in tar.getmembers():
                # Every npm tarball has one top folder, "package/" for most; strip it.
                _, _, name = member.name.lstrip("./").partition("/")
                if not name or not (member.isfile() or member.isdir()):
                    continue
                if os.path.isabs(name) or ".." in name.split("/"):
                    raise LockfileError("%s: unsafe path %s in %s" % (path, member.name, tarball))
                member.name = name
                # Some packages are published with modes that leave files unreadable.
                member.mode = 0o755 if member.isdir() else 0o644
                members.append(member)
            if hasattr(tarfile, "data_filter"):
                tar.extractall(target, members, filter="data")
            else:
                tar.extractall(target, members)
    print("unpacked %d packages into %s" % (len(read_packages(lockfile)),
                                            os.path.join(into, "node_modules")))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lockfile", default=DEFAULT_LOCKFILE,
                        help="default: package-lock.json of the source tree")
    parser.add_argument("--output", default=DEFAULT_OUTPUT,
                        help="the sources file (default: flatpak/npm-sources.json)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="exit 1 with a diff if the sources file is out of date")
    mode.add_argument("--check-manifest", metavar="MANIFEST",
                      help="every file the manifest names exists, the npm sources match")
    mode.add_argument("--unpack", metavar="TARBALLS",
                      help="unpack the tarballs of this folder (needs --into)")
    parser.add_argument("--into", metavar="DIR", help="where --unpack makes node_modules/")
    args = parser.parse_args()
    try:
        if args.check:
            return check(args.lockfile, args.output)
        if args.check_manifest:
            return check_manifest(args.check_manifest, args.lockfile)
        if args.unpack:
            if not args.into:
                parser.error("--unpack needs --into")
            return unpack(args.lockfile, args.unpack, args.into)
        text = render(sources_for(args.lockfile))
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    except (LockfileError, OSError, ValueError) as error:
        print("flatpak-npm-sources: %s" % error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
