//===- AsmTarget.h - One architecture's asm ---------------------*- C++ -*-===//
//
// What GCC inline asm means on one architecture, as Rust's asm! needs it:
// the constraint letters, the registers' names, how the template writes an
// operand under each modifier, and the syntax. The asm lowering
// (frontend/Asm*.cpp) asks the translation unit's target and nothing else
// about the architecture; a unit whose architecture has no target keeps its
// asm statements in C. Plain string logic, no Clang.
//
//===----------------------------------------------------------------------===//
#ifndef H2R_FRONTEND_ASM_TARGET_ASMTARGET_H
#define H2R_FRONTEND_ASM_TARGET_ASMTARGET_H

#include "ir/Module.h"

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <optional>
#include <string>

namespace llvm {
class Triple;
} // namespace llvm

namespace h2r::frontend {

// One GCC constraint string, as what Rust's asm! can express: a register
// class, an explicit register, a memory operand (passed as an address), an
// immediate, a tied operand or a flag output.
struct AsmConstraint {
  bool Output = false;       // '=' or '+'
  bool ReadWrite = false;    // '+'
  bool EarlyClobber = false; // '&'
  bool AllowsReg = false;    // a register class, or an explicit register
  bool AllowsMem = false;    // a memory operand
  bool AllowsImm = false;    // an immediate
  bool AbcdOnly = false;     // x86's q Q R: a register with a byte form
  std::string ExplicitReg;   // the register family it names (x86's "ax")
  int Tied = -1;             // "0".."9": shares output N's location
  std::string FlagCond;      // "=@ccz" -> "z"
  std::string Unsupported;   // the letter Rust cannot express, if any
};

// x86's segment override on a memory operand (a per-CPU place in
// `__seg_gs`).
enum class Segment { None, Fs, Gs };

enum class AsmOperandKind {
  Register,
  Explicit,
  Memory,
  Const,
  Sym,
  Flag,
  // The zero flag of a lone cmpxchg: the accumulator compared in Rust
  // (AsmState::Cmpxchg), no asm! operand.
  ComparedFlag,
  Label,
  // `"+r"(current_stack_pointer)` (ASM_CALL_CONSTRAINT): the asm uses the
  // stack. No Rust operand; asm! without `nostack` says the same.
  StackPointer,
  // `"Q"(*(unsigned long *)current_stack_pointer)` (arm64's
  // __kern_my_cpu_offset): a read of the stack the template never names,
  // which orders the asm after stores (against barrier()). No Rust operand:
  // an asm! that is not `nomem` may read memory, and this one is not.
  StackRead,
};

// How one GCC operand is passed, and where the template finds it.
struct AsmOperandPlan {
  AsmOperandKind Kind = AsmOperandKind::Register;
  ir::AsmRegClass Class = ir::AsmRegClass::Reg; // Register
  std::string Family;     // Explicit: "ax"
  unsigned Bytes = 8;     // the value's size
  int RustIndex = -1;     // its position in asm!'s operand list
  int ExplicitIndex = -1; // Explicit: its position among explicit operands
  int64_t SymOffset = 0;  // Sym
  bool ZeroConst = false; // Const: the value is 0 (AArch64's `%w` is wzr)
  int64_t Displacement = 0; // Memory: `disp(%reg)`, the place's offset in *reg
  bool RipRelative = false;  // Memory: `sym+disp(%rip)`, a global's place
  // Memory: a per-CPU place (`__seg_gs`), `%gs:` before the address.
  Segment SegmentOverride = Segment::None;
  std::string FlagCond;   // Flag: "z" of "=@ccz"
};

// Parses a GCC constraint string: what every architecture shares (the
// modifiers `=` `+` `&` `%`, a flag output `=@cc<cond>`, the letters r m o
// V i n p g X, alternatives `,` and tied digits) here; the architecture's
// own letters by TargetLetter, which returns false for one it does not
// know. The first letter neither knows is Unsupported.
using ConstraintLetterFn = bool (*)(char Letter, AsmConstraint &C);
AsmConstraint parseGccConstraint(const std::string &Text,
                                 ConstraintLetterFn TargetLetter);

// Operand RustIndex in a Rust asm! template, with its modifier if any
// (`{0}`, `{1:e}`).
std::string placeholder(int RustIndex, char Modifier);

// What the template adds after a sym operand for its offset ("+8", "-4"),
// or nothing.
std::string symbolOffset(const AsmOperandPlan &P);

class AsmTarget {
public:
  virtual ~AsmTarget() = default;

  // The architecture's name, as diagnostics give it ("x86_64").
  virtual const char *name() const = 0;
  virtual ir::Arch arch() const = 0;
  // The syntax of GCC's templates, which asm! must be told.
  virtual ir::AsmSyntax syntax() const = 0;

  virtual AsmConstraint parseConstraint(const std::string &Text) const = 0;
  // The register class of a register operand of Bytes bytes.
  virtual ir::AsmRegClass registerClass(const AsmConstraint &C,
                                        unsigned Bytes) const = 0;
  // Rust's name for an explicit register operand of family Family.
  virtual std::string rustExplicitRegister(const std::string &Family,
                                           unsigned Bytes) const = 0;
  // Rust's name of a register a clobber list or an operand names in any
  // width; empty for one Rust cannot name as an operand or does not know.
  virtual std::string clobberRegister(const std::string &Name) const = 0;
  virtual bool isStackPointerRegister(llvm::StringRef Name) const = 0;

  // How the template writes operand P under GCC's modifier Modifier (empty
  // for none); Placeholder gives Rust's `{N}` with a modifier of Rust's.
  // None: the modifier has no Rust form for that operand.
  using PlaceholderFn = std::function<std::string(char RustModifier)>;
  virtual std::optional<std::string>
  operandText(const AsmOperandPlan &P, const std::string &Modifier,
              const PlaceholderFn &Placeholder) const = 0;
  // How a comment names an operand the template does not use.
  virtual std::string unusedOperandText(const AsmOperandPlan &P) const = 0;
  // The instruction that writes a flag output's condition into a byte
  // register operand.
  virtual std::string flagOutputText(const AsmOperandPlan &P) const = 0;
  // The instruction __builtin_trap() is.
  virtual const char *trapInstruction() const = 0;
  // An instruction that writes its own address to register operand {0}.
  virtual const char *currentAddressInstruction() const = 0;

  // Does the instruction Mnemonic push below the stack pointer (a call)?
  // Such an asm needs the ABI's stack alignment, which `nostack` gives up.
  virtual bool pushesToStack(llvm::StringRef Mnemonic) const = 0;
  // May a memory operand be written as an offset from a pointer it is
  // given, or from a symbol (`8(%rax)`, `sym(%rip)`)? If not, its address
  // is computed in Rust and passed whole.
  virtual bool addressesWithOffsets() const = 0;
  // Is an asm that is one locked read-modify-write a core atomic (x86's
  // `lock` prefix; AsmAtomic.cpp)?
  virtual bool hasLockedAtomics() const = 0;
};

// The target of a translation unit's architecture, or null where asm has
// no translation.
const AsmTarget *asmTargetFor(const llvm::Triple &T);

} // namespace h2r::frontend

#endif
