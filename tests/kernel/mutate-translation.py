#!/usr/bin/env python3
"""Changes a translation by hand, as a wrong translation would be: the
in-kernel differential suite must catch both changes (check-mutant.py).

    mutate-translation.py <bindings_helpers_generated.rs>

- atomic_read returns one more than it read (a wrong result);
- atomic_set stores i ^ 1 (wrong memory, nothing returned);
- dev_set_drvdata stores a pointer 8 bytes past the one it is given (a
  wrong pointer in an object that holds pointers);
- spin_lock releases instead (the preempt count goes the wrong way);
- WARN_ON returns its condition without warning (a warning missing).
Prints the names of the helpers it changed.
"""
import re
import sys

MUTATIONS = [
    ("atomic_read", "inlines::raw_atomic_read(v)", "inlines::raw_atomic_read(v).wrapping_add(1)"),
    ("atomic_set", "inlines::atomic_set(v, i);", "inlines::atomic_set(v, i ^ 1);"),
    ("dev_set_drvdata", "inlines::dev_set_drvdata(dev, data);",
     "inlines::dev_set_drvdata(dev, data.wrapping_byte_add(8));"),
    ("spin_lock", "inlines::spin_lock(lock);", "inlines::spin_unlock(lock);"),
    ("WARN_ON", "if __ret_warn_on != 0_i32 {", "if __ret_warn_on == 2_i32 {"),
]

path = sys.argv[1]
text = open(path).read()
for name, old, new in MUTATIONS:
    start = re.search(r'pub unsafe extern "C" fn %s\(' % name, text)
    end = text.find("\n}\n", start.end()) if start else -1
    body = text[start.end():end] if start else ""
    if old not in body:
        sys.exit("%s: error: fn %s has no '%s' to change" % (path, name, old))
    text = text[:start.end()] + body.replace(old, new, 1) + text[end:]
    print(name)
with open(path, "w") as f:
    f.write(text)
