#!/usr/bin/python3
"""Expectations for tst_revisionresolver, computed by the real Alembic.

Each case builds an ``alembic.script.revision.RevisionMap`` from ``Revision``
objects in a fixed order (the order Retort would read the files in), runs one
query and records Alembic's answer or the exception it raised::

    /usr/bin/python3 expectations.py                 # print the JSON
    /usr/bin/python3 expectations.py OUT.json        # write it
    /usr/bin/python3 expectations.py --check FILE    # exit 1 if FILE is stale

Python sets make some of Alembic's answers depend on the hash seed. Every case
is therefore computed under several ``PYTHONHASHSEED`` values (with Revision
objects hashed by id rather than by address, so that a seed always gives the
same answer): an ordered result that changes from seed to seed is stored
sorted with ``"ordered": false``, and the C++ side compares it as a set (an
error message: its words in any order). Results that are sets in Alembic
(``_get_all_current``, label sets) are always stored sorted.

Run it with Debian's interpreter (``/usr/bin/python3``): the ``python3`` first
on PATH has no Alembic.
"""
import json
import os
import subprocess
import sys
import warnings

SEEDS = ["0", "1", "2", "3", "5", "8", "13", "17", "42", "4242"]

# --- the histories ---------------------------------------------------------
# (revision, down_revision, depends_on, branch_labels) in file order.

GRAPHS = {
    "linear": [
        ("1a2b3c4d", None, None, None),
        ("2b3c4d5e", "1a2b3c4d", None, None),
        ("3c4d5e6f", "2b3c4d5e", None, None),
        ("4d5e6f70", "3c4d5e6f", None, None),
    ],
    # two unmerged heads; the file order is not the id order
    "branched": [
        ("aa000001", None, None, None),
        ("aa000002", "aa000001", None, None),
        ("cc000003", "aa000002", None, None),
        ("bb000003", "aa000002", None, None),
        ("bb000004", "bb000003", None, None),
    ],
    "branchmerge": [
        ("5e000001", None, None, None),
        ("5e000002", "5e000001", None, None),
        ("6a000003", "5e000002", None, None),
        ("7b000003", "5e000002", None, None),
        ("6a000004", "6a000003", None, None),
        ("8c000005", ("6a000004", "7b000003"), None, None),
        ("9d000006", "8c000005", None, None),
    ],
    "twobases": [
        ("b2000001", None, None, None),
        ("a1000001", None, None, None),
        ("a1000002", "a1000001", None, None),
        ("b2000002", "b2000001", None, None),
        ("c3000003", ("a1000002", "b2000002"), None, None),
        ("c3000004", "c3000003", None, None),
    ],
    "threeway": [
        ("f0000000", None, None, None),
        ("f1000001", "f0000000", None, None),
        ("f3000003", "f0000000", None, None),
        ("f2000002", "f0000000", None, None),
        ("f4000004", ("f1000001", "f2000002", "f3000003"), None, None),
        ("f5000005", "f4000004", None, None),
    ],
    "labels": [
        ("c0de0001", None, None, ("core",)),
        ("c0de0002", "c0de0001", None, None),
        ("c0de0003", "c0de0002", None, None),
        ("fea70001", "c0de0002", None, ("feature",)),
        ("fea70002", "fea70001", None, None),
        ("0a0b0001", None, None, ("other", "misc")),
        ("0a0b0002", "0a0b0001", None, None),
    ],
    # a label given on a later revision spreads down to the base
    "labellate": [
        ("da7a0001", None, None, None),
        ("da7a0002", "da7a0001", None, None),
        ("da7a0003", "da7a0002", None, ("data",)),
        ("da7a0004", "da7a0003", None, None),
        ("e1e00001", None, None, None),
        ("e1e00002", "e1e00001", None, ("else",)),
    ],
    "dependson": [
        ("acc00001", None, None, ("account",)),
        ("acc00002", "acc00001", None, None),
        ("ne700001", None, None, ("network",)),
        ("ne700002", "ne700001", "acc00002", None),
        ("ne700003", "ne700002", ("account", "acc00002"), None),
        ("5ha00001", None, "ne700001", None),
        ("5ha00002", "5ha00001", None, None),
    ],
    # a revision with two dependencies that both survive normalisation
    "multidep": [
        ("aaaa0001", None, None, None),
        ("bbbb0001", None, None, None),
        ("cccc0001", None, None, None),
        ("dddd0001", "cccc0001", ("aaaa0001", "bbbb0001"), None),
        ("dddd0002", "dddd0001", None, None),
    ],
    # ids that are not hex: dots, underscores, capitals, digits only, one a prefix of another
    "oddids": [
        ("v1.0", None, None, None),
        ("v1_1", "v1.0", None, None),
        ("V2", "v1_1", None, None),
        ("0001", "V2", None, None),
        ("00012345", "0001", None, None),
    ],
    "prefixes": [
        ("abcd1111", None, None, ("abzz",)),
        ("abce3333", "abcd1111", None, None),
        ("abcd2222", "abcd1111", None, None),
        ("ab12", "abcd2222", None, ("ab",)),
    ],
}

# A larger history in shuffled file order: ties in the topological sort are
# broken by file order, so this is where an order mistake shows.
GRAPHS["complex"] = [
    ("c0000009", ("c0000007", "c0000008"), None, None),
    ("c0000003", "c0000002", None, ("left",)),
    ("c0000001", None, None, None),
    ("c0000006", "c0000004", "d0000002", None),
    ("c0000002", "c0000001", None, None),
    ("d0000001", None, None, ("dee",)),
    ("c0000004", "c0000002", None, ("right",)),
    ("c0000007", "c0000003", None, None),
    ("d0000002", "d0000001", None, None),
    ("c0000005", "c0000003", None, None),
    ("c0000008", ("c0000006", "c0000005"), None, None),
    ("c000000a", "c0000009", "dee", None),
]


# Random histories (made once with random.Random(seed): a new base 15% of the time,
# a merge 30%, a dependency 25%, a label 15%, file order shuffled) get a smaller
# set of queries.
RANDOM_GRAPHS = {
    "random1": [
        ('02265b1f', None, None, None),
        ('1cd613e3', '02265b1f', None, ('lbl1',)),
        ('5025b413', '1cd613e3', None, None),
        ('7ad45f23', '2c2ce6f4', None, None),
        ('4cd447e3', '2c2ce6f4', '02265b1f', None),
        ('94be03db', None, None, None),
        ('2c2ce6f4', '02265b1f', '1cd613e3', None),
        ('363ca828', '02265b1f', None, None),
        ('68712b8b', '363ca828', None, None),
        ('8ea90a8f', '2c2ce6f4', None, None),
    ],
    "random2": [
        ('0f4bea97', None, None, None),
        ('1d95bafc', None, '0f4bea97', None),
        ('55d300cb', '3288bc78', None, None),
        ('62a1be9c', ('0f4bea97', '1d95bafc'), None, ('lbl6',)),
        ('45f3f57e', '2ab73738', None, None),
        ('9fb2147d', '62a1be9c', None, None),
        ('2ab73738', ('0f4bea97', '1d95bafc'), None, None),
        ('7829e07b', '45f3f57e', '3288bc78', None),
        ('3288bc78', '2ab73738', None, None),
        ('8bc01bfc', '55d300cb', None, None),
    ],
    "random3": [
        ('69841811', '5f51e872', None, None),
        ('822cedaf', ('69841811', '7ba6676b'), None, None),
        ('3fee2947', '210c67fd', None, None),
        ('210c67fd', '12163636', None, None),
        ('12163636', '03ceb3ff', None, None),
        ('981daad1', '822cedaf', None, None),
        ('7ba6676b', '12163636', None, ('lbl7',)),
        ('4268ecc4', ('3fee2947', '210c67fd'), '03ceb3ff', None),
        ('03ceb3ff', None, None, None),
        ('5f51e872', '03ceb3ff', None, None),
    ],
    "random4": [
        ('601d89a0', '20512bd1', None, None),
        ('03c6da5d', None, None, None),
        ('80b11ad2', None, None, None),
        ('5634f806', ('32c33be0', '20512bd1'), '44f5253a', None),
        ('984d4cd1', '5634f806', '32c33be0', ('lbl9',)),
        ('20512bd1', '03c6da5d', '1b8a1abc', None),
        ('1b8a1abc', '03c6da5d', None, ('lbl1',)),
        ('44f5253a', '20512bd1', '32c33be0', None),
        ('769f85e3', ('32c33be0', '1b8a1abc'), '44f5253a', None),
        ('32c33be0', ('03c6da5d', '1b8a1abc'), None, None),
    ],
}

# Histories Alembic refuses, or warns about: only their structure is recorded.
BROKEN_GRAPHS = {
    # the later file wins, at the position of the first
    "duplicate": [
        ("d0000001", None, None, None),
        ("d0000002", "d0000001", None, None),
        ("d0000003", "d0000002", None, None),
        ("d0000002", "d0000001", None, ("dup",)),
    ],
    # ... which may close a cycle
    "duplicate_cycle": [
        ("d0000001", None, None, None),
        ("d0000002", "d0000001", None, None),
        ("d0000003", "d0000002", None, None),
        ("d0000002", "d0000003", None, None),
    ],
    "cycle": [
        ("0c000001", None, None, None),
        ("0c000002", "0c000001", None, None),
        ("0c000004", "0c000003", None, None),
        ("0c000003", "0c000004", None, None),
    ],
    "cycle_no_base": [
        ("0c000005", "0c000004", None, None),
        ("0c000004", "0c000003", None, None),
        ("0c000003", "0c000004", None, None),
    ],
    "selfloop": [
        ("5e1f0001", None, None, None),
        ("5e1f0002", "5e1f0002", None, None),
    ],
    "dependency_cycle": [
        ("de000001", None, "de000004", None),
        ("de000002", "de000001", None, None),
        ("de000003", None, None, None),
        ("de000004", "de000003", "de000002", None),
    ],
    "dependency_cycle_partial": [
        ("de000001", None, None, None),
        ("de000004", "de000003", None, None),
        ("de000002", "de000001", "de000004", None),
        ("de000003", "de000002", None, None),
        ("de000005", "de000001", None, None),
    ],
    "dependency_selfloop": [
        ("de000001", None, None, None),
        ("de000002", "de000001", "de000002", None),
    ],
    "label_clash_with_id": [
        ("1abe0001", None, None, None),
        ("1abe0002", "1abe0001", None, ("1abe0001",)),
    ],
}


def build_map(graph):
    from alembic.script.revision import Revision, RevisionMap

    # Alembic keeps Revision objects in sets; by default they hash by address,
    # which changes from run to run. Hashing them by id instead leaves every
    # answer as Alembic computes it, and makes set order a function of the
    # hash seed alone, so that each seed gives the same answer every time.
    Revision.__hash__ = lambda self: hash(self.revision)

    def generate():
        for rev, down, deps, labels in graph:
            yield Revision(rev, down, dependencies=deps, branch_labels=labels)

    return RevisionMap(generate)


# --- encoding --------------------------------------------------------------


def enc_rev(rev):
    from alembic.script.revision import Revision

    if rev is None:
        return None
    if isinstance(rev, Revision):
        return rev.revision
    if rev == "base":
        return "<base>"
    raise TypeError("unexpected value %r" % (rev,))


def enc_error(exc, catch=None):
    from alembic.script import revision as rv

    error = {"class": type(exc).__name__, "message": str(exc)}
    if isinstance(exc, rv.ResolutionError):
        error["argument"] = exc.argument
    elif isinstance(exc, rv.MultipleHeads):
        error["argument"] = exc.argument if isinstance(exc.argument, str) else repr(exc.argument)
        error["heads"] = list(exc.heads)
    elif isinstance(exc, rv.RangeNotAncestorError):
        error["lower"] = "%s" % (exc.lower or "base",)
        error["upper"] = "%s" % (exc.upper or "base",)
    if catch is not None and isinstance(exc, rv.RevisionError):
        error["command_message"] = command_message(exc, **catch)
    return error


def command_message(exc, start=None, end=None):
    """What ScriptDirectory._catch_revision_errors turns the error into."""
    from alembic.script.base import ScriptDirectory
    from alembic.util import CommandError

    try:
        with ScriptDirectory._catch_revision_errors(None, start=start, end=end):
            raise exc
    except CommandError as ce:
        return str(ce)
    raise AssertionError("not converted")


def run(fn, catch=None):
    """(result, error, warnings) of fn()."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = fn()
            error = None
        except Exception as exc:  # Alembic's own assertions included
            result = None
            error = enc_error(exc, catch)
    return result, error, [str(w.message) for w in caught]


# --- the cases -------------------------------------------------------------


def ident(value):
    if value is None:
        return "None"
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(value) + ("," if len(value) == 1 else "") + ")"
    return '"%s"' % value


def as_arg(value):
    return list(value) if isinstance(value, tuple) else value


# Queries that only make sense for one history, on top of the generic ones.
EXTRA_IDS = {
    "prefixes": ["a", "ab", "abc", "abcd", "abce", "ab1", "abz", "abzz", "abcd@head",
                 "abce@abcd", "abce@abcd2222", "abzz@abc", "ab@ab1", "ab@abcd", "abz@head",
                 "abzz@-1", "ab@-2", "abcd1111@abce", "abcd2222@ab1"],
    "labels": ["core@fea7", "feature@c0de0003", "feature@c0de0001", "misc@head", "misc@-1",
               "fea70001@head", "0a0b0001@head", "other@0a0b", "core@0a0b0002", "fea7@c0de",
               "c0de@head", "c0de0002@heads"],
    "labellate": ["data@da7a0001", "else@e1e00001", "data@-4", "data@-5", "else@-2"],
    "dependson": ["account@ne700003", "network@acc00002", "network@heads", "account@heads",
                  "acc00002@head", "5ha00002@-2", "5ha00002@-3"],
    "oddids": ["v1", "v1.", "v1.0+1", "V2-1", "v1_1+1", "000", "0001", "0001@head", "-0001",
               "+0001", "v1.0@V2", "V2@v1", "V2@v1_", "v"],
    "branched": ["cc000003@bb000004", "bb000003@aa000001", "cc000003@heads", "bb00@head"],
    "branchmerge": ["6a000004@heads", "7b000003@5e000002", "7b000003@6a000003"],
    "twobases": ["a1000001@heads", "b2000001@head", "a1000002@b2000001", "b2000001@-1"],
    "threeway": ["f1000001@head", "f2000002@f3000003", "f3000003@-1"],
}

# History ranges (base, head) for one history, on top of the generic ones.
EXTRA_RANGES = {
    "branched": [("cc000003", "heads"), ("bb000003", "cc000003"), ("aa000002", "bb000004"),
                 ("bb000003", "bb000004"), ("cc000003@base", "heads"),
                 ("bb000004@base", "bb000004@head"), ("-1", "cc000003")],
    "branchmerge": [("6a000003", "8c000005"), ("7b000003", "6a000004"),
                    ("7b000003", "9d000006"), ("6a000004@base", "heads")],
    "twobases": [("a1000001", "b2000002"), ("b2000001", "c3000004"), ("a1000001@base", "heads")],
    "threeway": [("f1000001", "f2000002"), ("f2000002", "f5000005")],
    "labels": [("core@base", "feature@head"), ("feature@base", "core@heads"),
               ("c0de0001", "fea70002"), ("0a0b0001@base", "heads"), ("fea70001@base", "heads"),
               ("other@base", "other@head"), ("core@c0de0002", "heads")],
    "labellate": [("data@base", "data@head"), ("else@base", "heads")],
    "dependson": [("acc00002", "ne700003"), ("ne700001", "5ha00002"),
                  ("account@base", "network@head"), ("network@base", "heads")],
    "multidep": [("aaaa0001", "heads"), ("cccc0001", "dddd0002")],
    "prefixes": [("abcd", "heads"), ("abcd1111", "ab12"), ("abzz@base", "heads"),
                 ("ab@base", "ab@head")],
}

# (current rows, destination) upgrades for one history, on top of the generic ones.
EXTRA_UPGRADES = {
    "branched": [(("cc000003",), "bb000004"), (("cc000003", "bb000003"), "+1"),
                 (("cc000003",), "bb000004@+1"), (("bb000003",), "cc000003@+1")],
    "branchmerge": [(("6a000004",), "7b000003"), (("6a000004", "7b000003"), "+1"),
                    (("6a000004",), "8c000005"), (("7b000003",), "6a000004@+1")],
    "twobases": [(("a1000002",), "b2000002"), (("a1000002", "b2000001"), "heads"),
                 (("a1000002",), "b2000001@+1"), (("b2000002",), "a1000002@head")],
    "threeway": [(("f1000001", "f3000003"), "heads"), (("f1000001",), "f2000002@+1")],
    "labels": [(("c0de0003",), "feature@+1"), (("c0de0002",), "feature@+1"),
               (("c0de0003",), "feature@head"), (("fea70002",), "other@+1"),
               (("c0de0003", "fea70001"), "core@+1")],
    "dependson": [(("acc00001",), "ne700002"), (("ne700001",), "network@+1"),
                  (("ne700001",), "5ha00001")],
    "prefixes": [(("abce3333",), "ab@+1"), (("abcd2222",), "abzz@+1")],
}

# (current rows, target) downgrades for one history, on top of the generic ones.
EXTRA_DOWNGRADES = {
    "branched": [(("cc000003", "bb000004"), "bb000003"), (("cc000003", "bb000004"), "bb000004@-1"),
                 (("cc000003", "bb000004"), "cc000003@-1"), (("cc000003", "bb000004"), "aa000002"),
                 (("cc000003", "bb000004"), "cc000003@aa000002"), (("cc000003",), "bb000003"),
                 (("cc000003", "bb000004"), "bb000004@-2"), (("cc000003", "bb000004"), "-1"),
                 (("bb000004", "cc000003"), "-1")],
    "branchmerge": [(("9d000006",), "7b000003"), (("8c000005",), "-1"),
                    (("8c000005",), "6a000004@-1"), (("6a000004", "7b000003"), "7b000003@-1"),
                    (("6a000004", "7b000003"), "5e000002")],
    "twobases": [(("c3000003",), "a1000001"), (("a1000002", "b2000002"), "b2000002@base"),
                 (("a1000002", "b2000002"), "a1000002@-1"), (("a1000002", "b2000002"), "b2000001")],
    "threeway": [(("f4000004",), "-1"), (("f4000004",), "f2000002"),
                 (("f1000001", "f2000002", "f3000003"), "f2000002@f0000000"),
                 (("f1000001", "f2000002", "f3000003"), "f0000000")],
    "labels": [(("c0de0003", "fea70002", "0a0b0002"), "feature@-1"),
               (("c0de0003", "fea70002", "0a0b0002"), "other@base"),
               (("c0de0003", "fea70002", "0a0b0002"), "core@base"),
               (("c0de0003", "fea70002", "0a0b0002"), "feature@c0de0002"),
               (("c0de0003", "fea70002", "0a0b0002"), "other@c0de0002"),
               (("c0de0003", "fea70002"), "feature@base"),
               (("c0de0003", "fea70002"), "-1")],
    "dependson": [(("acc00002", "ne700003", "5ha00002"), "account@base"),
                  (("acc00002", "ne700003", "5ha00002"), "acc00001"),
                  (("acc00002", "ne700003", "5ha00002"), "network@-1"),
                  (("ne700003", "5ha00002"), "ne700001")],
    "prefixes": [(("abce3333", "ab12"), "abcd2222"), (("abce3333", "ab12"), "ab@-1"),
                 (("abce3333", "ab12"), "abzz@base"), (("abce3333", "ab12"), "abcd@base")],
}


def unique(values):
    seen, out = set(), []
    for v in values:
        key = json.dumps(as_arg(v))
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def graph_labels(graph):
    return [label for r in graph for label in (r[3] or ())]


def identifiers(name, graph):
    ids = [r[0] for r in graph]
    out = ["head", "heads", "base", None, "", "current", "-1", "-2", "-10", "-0", "+1",
           "nosuch", "nos", "nosuch@head", "nosuch@heads", "nosuch@" + ids[0], "@head", "@-1",
           "heads@heads", "x@y@z", ids[0] + "@", "@", " -1", "-1 ", "-0_1", "-\u0661", "--1"]
    for rid in ids:
        out += [rid, rid[:4], rid[:3], rid + "@head", rid + "@heads", rid + "@-1", rid + "+1"]
    out += [ids[-1] + "-1", ids[0].upper(), ids[0] + "x",
            "%s@%s" % (ids[0], ids[-1]), "%s@%s" % (ids[-1], ids[0]),
            "%s@%s" % (ids[1], ids[-1][:4])]
    for label in graph_labels(graph):
        out += [label, label + "@head", label + "@heads", label + "@base", label + "@-1",
                label + "@+1"]
        out += ["%s@%s" % (label, rid) for rid in ids]
    out += EXTRA_IDS.get(name, [])
    # several identifiers at once (Alembic's tuple form)
    out += [tuple(ids[:2]), (ids[-1],), (), ("heads", ids[0]), ("-1",)]
    return unique(out)


def ranges(name, graph):
    ids = [r[0] for r in graph]
    out = [("base", "heads"), ("base", "head")]
    out += [(rid, "heads") for rid in ids] + [("base", rid) for rid in ids]
    out += [(ids[0], ids[-1]), (ids[-1], ids[0]), (ids[1], ids[-2]), ("-1", "heads"),
            ("-2", "heads"), ("-10", "heads"), (ids[0] + "+1", "heads"), ("base", "+1"),
            ("base", "+2"), (ids[0], "+2"), ("base", "-1"), ("heads", "heads"),
            ("head", "heads"), ("base", "base"), (ids[-1] + "-1", "heads"),
            ("base", ids[0] + "+1"), ("nosuch", "heads"), ("base", "nosuch"),
            (ids[0] + "@base", "heads"), ("current", "heads")]
    for label in graph_labels(graph):
        out += [(label + "@base", label + "@head"), ("base", label + "@heads"),
                (label + "@base", "heads"), ("base", label + "@+1"), (label + "@-1", "heads")]
    out += EXTRA_RANGES.get(name, [])
    return unique(out)


def upgrades(name, graph, rmap):
    ids = [r[0] for r in graph]
    out = [((), dest) for dest in ["heads", "head", "base", "+1", "+2", "+10", "-1", "nosuch"] + ids]
    heads = tuple(rmap.heads)
    for current in [(ids[0],), (ids[1],), heads, tuple(reversed(heads)), tuple(ids[:2])]:
        for dest in ["heads", "head", "+1", "+2", "+10", "-1", ids[0], ids[-1],
                     ids[0] + "+1", ids[1] + "+10", ids[-1] + "-1"]:
            out.append((current, dest))
    for label in graph_labels(graph):
        out += [((), label + "@head"), ((), label + "@+1"), ((ids[0],), label + "@+2"),
                (heads, label + "@heads")]
    out += [((ids[0], ids[0]), "+1"), (heads, "+\u0661"), (heads, "-\u0661"),
            ((), ids[0] + "+\u0661"), ((ids[0],), "x@%s@+1" % ids[0]), ((ids[0],), "@+1")]
    out += EXTRA_UPGRADES.get(name, [])
    return unique(out)


def downgrades(name, graph, rmap):
    ids = [r[0] for r in graph]
    heads = tuple(rmap.heads)
    out = [((), "base"), ((), "-1"), ((), ids[0])]
    for current in [(ids[-1],), (ids[1],), heads, tuple(ids[:2])]:
        for target in ["base", "-1", "-2", "-3", "-10", "+1", ids[0], ids[1], ids[-1],
                       ids[-1] + "-1", ids[-1] + "-10", ids[0] + "+1", "heads", "nosuch"]:
            out.append((current, target))
    for label in graph_labels(graph):
        out += [(heads, label + "@-1"), (heads, label + "@base"), (heads, label + "@" + ids[0]),
                (heads, label + "@+1")]
    out += [((ids[-1], ids[-1]), "-1"), ((ids[-1],), "-\u0661"), ((ids[-1],), "@-1"),
            ((ids[-1],), "%s@%s@-1" % (ids[-1], ids[-1])), ((ids[-1],), "x@%s-1" % ids[-1])]
    out += EXTRA_DOWNGRADES.get(name, [])
    return unique(out)


def row_sets(graph, rmap):
    ids = [r[0] for r in graph]
    out = [()] + [(rid,) for rid in ids]
    out += [(ids[i], ids[i + 1]) for i in range(len(ids) - 1)]
    out += [(ids[0], ids[-1]), tuple(rmap.heads), tuple(ids), ("nosuch",), (ids[0][:4],),
            ("heads",), (ids[-1], ids[-1])]
    return unique(out)


def small_queries(graph, rmap):
    ids = [r[0] for r in graph]
    heads = tuple(rmap.heads)
    return {
        "identifiers": ["heads", "head", "-1", "-2"] + ids + [i[:4] for i in ids],
        "ranges": [("base", "heads")] + [(i, "heads") for i in ids] + [("base", i) for i in ids],
        "upgrades": [((), "heads")] + [((), i) for i in ids] + [((i,), "heads") for i in ids]
        + [((i,), "+1") for i in ids],
        "downgrades": [(heads, "base"), (heads, "-1")] + [(heads, i) for i in ids]
        + [((i,), "-1") for i in ids],
        "rows": [(i,) for i in ids] + [(a, b) for n, a in enumerate(ids) for b in ids[n + 1:n + 3]],
    }


def cases_for(name, graph, full=True):
    rmap = build_map(graph)
    rmap._revision_map
    ids = [r[0] for r in graph]
    cases = []

    def add(op, args, call, catch=None, is_set=False):
        result, error, warns = run(call, catch)
        cases.append({"graph": name, "op": op, "args": args, "result": result, "error": error,
                      "warnings": warns, "set": is_set})

    # structure of the map itself
    def structure():
        revs = {}
        for rid in ids:
            r = rmap._revision_map[rid]
            revs[rid] = {
                "branch_labels": sorted(r.branch_labels),
                "nextrev": sorted(r.nextrev),
                "all_nextrev": sorted(r._all_nextrev),
                "resolved_dependencies": list(dict.fromkeys(r._resolved_dependencies)),
                "normalized_dependencies": sorted(r._normalized_resolved_dependencies),
                "is_head": r.is_head,
                "is_real_head": r._is_real_head,
                "is_base": r.is_base,
                "is_real_base": r._is_real_base,
                "is_branch_point": r.is_branch_point,
                "is_real_branch_point": r._is_real_branch_point,
                "is_merge_point": r.is_merge_point,
            }
        return {"heads": list(rmap.heads), "real_heads": list(rmap._real_heads),
                "bases": list(rmap.bases), "real_bases": list(rmap._real_bases),
                # branch labels follow the ids in an order Alembic takes from a set
                "keys": [k for k in rmap._revision_map if isinstance(k, str) and k in ids] +
                sorted(k for k in rmap._revision_map if isinstance(k, str) and k not in ids),
                "revisions": revs}

    add("structure", {}, structure)

    small = None if full else small_queries(graph, rmap)
    single = {"head", "heads", "base", None, "", "-1", "+1", "nosuch", "@head"}
    for value in identifiers(name, graph) if full else small["identifiers"]:
        add("get_revisions", {"id": as_arg(value)},
            lambda v=value: [enc_rev(r) for r in rmap.get_revisions(v)], catch={})
        if value in single or isinstance(value, tuple) or (
                isinstance(value, str) and "@" in value and "+" not in value
                and not value.endswith("-1")):
            add("get_revision", {"id": value},
                lambda v=value: enc_rev(rmap.get_revision(v)), catch={})

    # history ranges: ScriptDirectory.walk_revisions
    for lower, upper in ranges(name, graph) if full else small["ranges"]:
        add("history", {"base": lower, "head": upper},
            lambda lo=lower, up=upper: [
                r.revision for r in rmap.iterate_revisions(
                    up, lo, inclusive=True, assert_relative_length=False)],
            catch={"start": lower, "end": upper})

    # upgrade: ScriptDirectory._upgrade_revs (current rows, destination)
    for current, dest in upgrades(name, graph, rmap) if full else small["upgrades"]:
        add("upgrade", {"current": list(current), "destination": dest},
            lambda c=current, d=dest: [
                r.revision for r in rmap.iterate_revisions(d, c, implicit_base=True)])

    # downgrade: ScriptDirectory._downgrade_revs (current rows, destination)
    for current, target in downgrades(name, graph, rmap) if full else small["downgrades"]:
        add("downgrade", {"current": list(current), "destination": target},
            lambda c=current, t=target: [
                r.revision for r in rmap.iterate_revisions(c, t, select_for_downgrade=True)])

    # other flag combinations, as `--sql` ranges pass them
    for lower, upper in [("base", "heads"), (ids[0], ids[-1]), (ids[1], "heads")] if full else []:
        for implicit, inclusive, down in [(False, False, False), (True, True, False),
                                          (False, True, True), (True, False, True)]:
            a = {"upper": upper, "lower": lower, "implicit_base": implicit,
                 "inclusive": inclusive, "assert_relative_length": True,
                 "select_for_downgrade": down}
            add("iterate", a,
                lambda a=a: [r.revision for r in rmap.iterate_revisions(
                    a["upper"], a["lower"], implicit_base=a["implicit_base"],
                    inclusive=a["inclusive"], select_for_downgrade=a["select_for_downgrade"])])

    # ScriptDirectory.get_all_current: a version table's rows
    for rows in row_sets(graph, rmap) if full else small["rows"]:
        add("all_current", {"rows": list(rows)},
            lambda r=rows: sorted(x.revision for x in rmap._get_all_current(r)),
            catch={}, is_set=True)
    return cases


def broken_cases():
    cases = []
    for name, graph in BROKEN_GRAPHS.items():
        def structure(g=graph):
            m = build_map(g)
            m._revision_map
            ids = [r[0] for r in g]
            return {"heads": list(m.heads), "real_heads": list(m._real_heads),
                    "bases": list(m.bases), "real_bases": list(m._real_bases),
                    "keys": [k for k in m._revision_map if isinstance(k, str) and k in ids] +
                    sorted(k for k in m._revision_map if isinstance(k, str) and k not in ids)}

        result, error, warns = run(structure)
        cases.append({"graph": name, "op": "structure", "args": {}, "result": result,
                      "error": error, "warnings": warns, "set": False})
    return cases


def case_name(case):
    a = case["args"]
    op = case["op"]
    if op == "structure":
        detail = ""
    elif op in ("get_revisions", "get_revision"):
        detail = " " + ident(as_arg(a["id"]) if not isinstance(a["id"], list) else tuple(a["id"]))
    elif op == "history":
        detail = " %s:%s" % (a["base"], a["head"])
    elif op in ("upgrade", "downgrade"):
        detail = " %s -> %s" % (ident(tuple(a["current"])), a["destination"])
    elif op == "iterate":
        flags = "".join(
            f for f, on in (("i", a["implicit_base"]), ("c", a["inclusive"]),
                            ("d", a["select_for_downgrade"])) if on)
        detail = " %s..%s [%s]" % (a["lower"], a["upper"], flags)
    elif op == "all_current":
        detail = " " + ident(tuple(a["rows"]))
    return "%s: %s%s" % (case["graph"], op, detail)


def compute():
    import alembic

    cases = []
    for name, graph in GRAPHS.items():
        cases += cases_for(name, graph)
    for name, graph in RANDOM_GRAPHS.items():
        cases += cases_for(name, graph, full=False)
    cases += broken_cases()
    return alembic.__version__, cases


# --- determinism across hash seeds -------------------------------------------


def message_words(error):
    """An error with the message's words in no order (for set-ordered messages)."""
    if error is None:
        return []
    import re

    return [k + "=" + json.dumps(v) for k, v in error.items() if k not in ("message", "command_message")] + \
        sorted(re.split(r"[ ,]+", error["message"]))


def merged():
    children = [subprocess.Popen([sys.executable, os.path.abspath(__file__), "--raw"],
                                 env=dict(os.environ, PYTHONHASHSEED=seed),
                                 stdout=subprocess.PIPE) for seed in SEEDS]
    runs = []
    for child in children:
        out, _ = child.communicate()
        if child.returncode != 0:
            raise SystemExit("a --raw run failed")
        runs.append(json.loads(out))
    version = runs[0]["version"]
    base = runs[0]["cases"]
    final = []
    names = set()
    for i, case in enumerate(base):
        variants = [r["cases"][i] for r in runs]
        entry = {"name": case_name(case)}
        if entry["name"] in names:
            raise SystemExit("duplicate case name %s" % entry["name"])
        names.add(entry["name"])
        entry.update({k: case[k] for k in ("graph", "op", "args")})
        errors = {json.dumps(v["error"], sort_keys=True) for v in variants}
        results = {json.dumps(v["result"], sort_keys=True) for v in variants}
        ordered = not case["set"]
        if len(errors) > 1:
            # Allowed only when the message lists a set: same words, another order.
            words = {json.dumps(sorted(message_words(v["error"])), sort_keys=True)
                     for v in variants}
            if len(words) > 1:
                raise SystemExit("%s: the error depends on the hash seed: %s"
                                 % (entry["name"], sorted(errors)))
            ordered = False
        result = case["result"]
        if len(results) > 1:
            sortable = [v["result"] for v in variants]
            if not all(isinstance(r, list) for r in sortable) or \
                    len({json.dumps(sorted(r, key=json.dumps)) for r in sortable}) > 1:
                raise SystemExit("%s: the result depends on the hash seed beyond order: %s"
                                 % (entry["name"], sorted(results)))
            ordered = False
            result = sorted(result, key=json.dumps)
        if not ordered:
            entry["ordered"] = False  # compare as a set (or the message's words in any order)
        if case["error"] is not None:
            entry["error"] = case["error"]
        else:
            entry["result"] = result
        warns = {json.dumps(v["warnings"]) for v in variants}
        if len(warns) > 1:
            raise SystemExit("%s: warnings depend on the hash seed" % entry["name"])
        if case["warnings"]:
            entry["warnings"] = case["warnings"]
        final.append(entry)

    graphs = {}
    for name, graph in list(GRAPHS.items()) + list(RANDOM_GRAPHS.items()) + \
            list(BROKEN_GRAPHS.items()):
        graphs[name] = [
            {"revision": rev, "down_revision": as_arg(down), "depends_on": as_arg(deps),
             "branch_labels": as_arg(labels)}
            for rev, down, deps, labels in graph]
    return {"generator": "tests/data/resolver/expectations.py", "alembic_version": version,
            "hash_seeds": SEEDS, "graphs": graphs, "cases": final}


def dump(doc):
    # One case per line keeps diffs readable.
    lines = ["{"]
    head = [k for k in doc if k not in ("graphs", "cases")]
    for k in head:
        lines.append(' %s: %s,' % (json.dumps(k), json.dumps(doc[k])))
    lines.append(' "graphs": {')
    gnames = list(doc["graphs"])
    for gi, g in enumerate(gnames):
        lines.append('  %s: [' % json.dumps(g))
        revs = doc["graphs"][g]
        for ri, r in enumerate(revs):
            lines.append('   %s%s' % (json.dumps(r), "," if ri + 1 < len(revs) else ""))
        lines.append('  ]%s' % ("," if gi + 1 < len(gnames) else ""))
    lines.append(' },')
    lines.append(' "cases": [')
    for ci, c in enumerate(doc["cases"]):
        lines.append('  %s%s' % (json.dumps(c), "," if ci + 1 < len(doc["cases"]) else ""))
    lines.append(' ]')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    if argv[1:2] == ["--raw"]:
        version, cases = compute()
        json.dump({"version": version, "cases": cases}, sys.stdout)
        return 0
    doc = merged()
    text = dump(doc)
    if argv[1:2] == ["--check"]:
        with open(argv[2], encoding="utf-8") as f:
            committed = f.read()
        try:
            committed_version = json.loads(committed).get("alembic_version")
        except ValueError:
            committed_version = None
        installed_version = doc["alembic_version"]
        if committed_version and committed_version != installed_version:
            # The file records the reference, Alembic 1.8.1; a newer Alembic (1.13
            # in the Debian 13 test stage) must still give every answer, and the
            # file must still hold every case this script asks: only the recorded
            # version is left out of the comparison.
            sys.stderr.write("note: %s was made with Alembic %s, Alembic %s is installed: "
                             "comparing every answer, not the version field\n"
                             % (argv[2], committed_version, installed_version))
            doc["alembic_version"] = committed_version
            text = dump(doc)
        if committed != text:
            if not committed_version or committed_version == installed_version:
                sys.stderr.write("%s is stale: regenerate it with %s %s\n"
                                 % (argv[2], sys.executable, argv[0]))
                return 1
            # Either this script changed (regenerate with the reference Alembic)
            # or the installed Alembic answers differently: name the cases.
            try:
                old_cases = {c["name"]: c for c in json.loads(committed)["cases"]}
            except (ValueError, KeyError, TypeError):
                old_cases = {}
            differing = [c["name"] for c in doc["cases"] if old_cases.get(c["name"]) != c]
            sys.stderr.write("%s differs from what Alembic %s answers (%d case(s)%s); "
                             "regenerate it only with the reference, Alembic %s\n"
                             % (argv[2], installed_version, len(differing),
                                (": " + "; ".join(differing[:10])) if differing else "",
                                committed_version))
            return 1
        return 0
    if len(argv) > 1:
        with open(argv[1], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
