#!/usr/bin/env python3
"""Changes a translation by hand, as a wrong translation would be: the
in-kernel differential suite must catch both changes (check-mutant.py).

    mutate-translation.py <bindings_helpers_generated.rs>

- atomic_read returns one more than it read (a wrong result);
- atomic_set stores i ^ 1 (wrong memory, nothing returned);
- dev_set_drvdata stores a pointer 8 bytes past the one it is given (a
  wrong pointer in an object that holds pointers);
- spin_lock releases instead (the preempt count goes the wrong way);
- WARN_ON returns its condition without warning (a warning missing);
- PTR_ERR flips the low bit of what it returns (a helper Linux 6.12 has too);
- mutex_lock does not lock (the mutex the suite built stays unlocked);
- ktime_get_real asks ktime_get_with_offset() for another clock (a wrong
  argument to a C function the suite replaces by a double).
The allocators are left alone: the kernel crate allocates through them, so
a wrong one stops the boot before any test runs.
A helper the tree does not have, or translates otherwise, is left out (with a
note), and so is one the report beside the file (helpers2rs-report.json)
keeps out of the suite in this configuration (ktime_get_real where the
suite has no doubles): no test could catch it there. Prints the names of the
helpers it changed (at least one).
"""
import json
import os
import re
import sys

MUTATIONS = [
    ("atomic_read", "inlines::raw_atomic_read(v)", "inlines::raw_atomic_read(v).wrapping_add(1)"),
    ("atomic_set", "inlines::atomic_set(v, i);", "inlines::atomic_set(v, i ^ 1);"),
    ("dev_set_drvdata", "inlines::dev_set_drvdata(dev, data);",
     "inlines::dev_set_drvdata(dev, data.wrapping_byte_add(8));"),
    ("spin_lock", "inlines::spin_lock(lock);", "inlines::spin_unlock(lock);"),
    # Linux 6.12's uniprocessor spin_lock is preempt_disable() inline.
    ("spin_lock", "inlines::__preempt_count_add__1();",
     "inlines::__preempt_count_dec_and_test();"),
    ("WARN_ON", "if __ret_warn_on != 0_i32 {", "if __ret_warn_on == 2_i32 {"),
    ("PTR_ERR", "ptr as isize", "(ptr as isize) ^ 1"),
    ("mutex_lock", "crate::bindings_raw::mutex_lock(lock);", "let _ = lock;"),
    ("ktime_get_real", "ktime_get_with_offset(0_u32)", "ktime_get_with_offset(1_u32)"),
]

path = sys.argv[1]
text = open(path).read()
report_path = os.path.join(os.path.dirname(path), "helpers2rs-report.json")
not_in_suite = {}
if os.path.exists(report_path):
    for h in json.load(open(report_path))["helpers"]:
        check = h.get("kernel_check", {})
        if check.get("verdict") != "in-suite":
            not_in_suite[h.get("rust_name")] = check.get("reason", "not translated")
changed, noted = 0, set()
for name, old, new in MUTATIONS:
    start = re.search(r'pub unsafe extern "C" fn %s\(' % name, text)
    if not start:
        continue
    if name in not_in_suite:
        if name not in noted:  # a helper may have two mutations
            print("%s: note: fn %s left alone: not in the suite here (%s)"
                  % (path, name, not_in_suite[name]), file=sys.stderr)
            noted.add(name)
        continue
    end = text.find("\n}\n", start.end())
    body = text[start.end():end]
    if old not in body:  # another tree's translation of it
        print("%s: note: fn %s has no '%s' to change" % (path, name, old),
              file=sys.stderr)
        continue
    text = text[:start.end()] + body.replace(old, new, 1) + text[end:]
    print(name)
    changed += 1
if not changed:
    sys.exit("%s: error: none of the helpers to change is there" % path)
with open(path, "w") as f:
    f.write(text)
