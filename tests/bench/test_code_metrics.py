#!/usr/bin/env python3
"""code-metrics.py's counting on small sources: a function runs from its
signature to its brace, whatever its literals and comments hold; lambdas
and blocks stay in their function; a class counts the member functions it
declares or defines."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "../../bench"))
metrics = __import__("code-metrics")

SOURCE = r'''
namespace h2r {
// A comment with a brace { that must not open anything.
const char *Text = R"x(fn f() { "}" })x";

int twice(int X) {
  auto Add = [&](int Y) { return X + Y; };
  if (X > 0) {
    return Add(X);
  }
  return '{';
}

class Lowering : public Base {
public:
  Lowering(int A) : A(A), B{A} {}
  int run(int X) const;
  void step() override { ++A; }
  static bool check(const char *S);
  using Base::Base;
  friend class Other;

private:
  int A, B;
  void (*Callback)(int);
};

int Lowering::run(int X) const {
  return X;
}
} // namespace h2r
'''


class Scan(unittest.TestCase):
    def setUp(self):
        self.functions, self.classes = metrics.scan(SOURCE)

    def test_functions_and_their_lines(self):
        found = {name: (line, n) for name, line, n in self.functions}
        self.assertEqual(found["twice"], (6, 7))
        self.assertEqual(found["Lowering::run"], (28, 3))
        self.assertEqual(found["Lowering"], (16, 1))
        self.assertEqual(found["step"], (18, 1))
        # The lambda and the if are the function's, not functions of their own.
        self.assertEqual(len(self.functions), 4)

    def test_members_a_class_declares_or_defines(self):
        # Lowering(), run, step, check; not the using, the friend or a
        # field of function pointer type.
        self.assertEqual(self.classes, [("Lowering", 4)])

    def test_literals_and_comments_are_blanked(self):
        blanked = metrics.blank(SOURCE)
        self.assertEqual(blanked.count("\n"), SOURCE.count("\n"))
        self.assertNotIn('"}"', blanked)
        self.assertEqual(blanked.count("{"), SOURCE.count("{") - 3)


if __name__ == "__main__":
    unittest.main()
