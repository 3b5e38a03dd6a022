//===- frontend/AsmLowering.cpp - GCC asm statements to asm! --------------===//
//
// x86-64, AT&T syntax. Each GCC operand becomes one Rust operand:
//  - registers (r q Q R l) -> in/out/lateout/inout(reg | reg_abcd | reg_byte),
//    with the template's sub-register chosen from the C type or the %k %w %b
//    %h %q modifier;
//  - fixed registers (a c d S D) -> explicit registers, whose names Rust
//    does not let the template mention, so their AT&T name is written in;
//  - memory (m o V) -> the address in a register, `(%reg)` in the template,
//    so the asm keeps its memory effect;
//  - immediates (i n I J K L M N e Z p) -> `const` when Clang evaluates the
//    value, `sym` for the address of a symbol, else the register form when
//    the constraint allows one;
//  - tied inputs ("0") -> the output's `inout`;
//  - flag outputs (=@cc<cond>) -> set<cond> into a byte register;
//  - asm goto labels -> `label { goto }` blocks.
// Outputs go through temporaries so any C lvalue (bitfield, volatile) works.
//
//===----------------------------------------------------------------------===//
#include "frontend/AsmConstraints.h"
#include "frontend/FunctionLowering.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <functional>

namespace h2r::frontend {

using namespace clang;
using ir::ExprKind;
using ir::ExprPtr;
using ir::Type;
using ir::TypeRef;

namespace {

enum class OperandKind { Register, Explicit, Memory, Const, Sym, Flag, Label };

// How one GCC operand is passed, and where the template finds it.
struct OperandPlan {
  OperandKind Kind = OperandKind::Register;
  std::string RegClass;  // Register
  std::string Family;    // Explicit
  unsigned Bytes = 8;    // the value's size
  int RustIndex = -1;    // its position in asm!'s operand list
  int ExplicitIndex = -1; // Explicit: its position among explicit operands
  int64_t SymOffset = 0; // Sym
};

bool isAsmValueType(const TypeRef &T) {
  return T->isInt() || T->isPointer() || T->kind() == Type::Kind::Float ||
         T->isBool() || T->kind() == Type::Kind::FnPtr;
}

// The type Rust's asm! accepts for a C value of type T.
TypeRef asmType(const TypeRef &T) {
  if (T->isBool())
    return Type::integer(8, false);
  if (T->kind() == Type::Kind::FnPtr)
    return Type::integer(64, false, true);
  return T;
}

unsigned byteSize(const TypeRef &T) {
  if (T->isInt() || T->kind() == Type::Kind::Float)
    return T->bits() / 8;
  if (T->isBool())
    return 1;
  return 8;
}

char suffixFor(unsigned Bytes) {
  switch (Bytes) {
  case 1:
    return 'b';
  case 2:
    return 'w';
  case 4:
    return 'l';
  default:
    return 'q';
  }
}

std::string escapeTemplateText(const std::string &S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    // LLVM's form doubles `$`; Rust's template does not.
    if (C == '$' && I + 1 < S.size() && S[I + 1] == '$') {
      Out += '$';
      ++I;
    } else if (C == '{') {
      Out += "{{";
    } else if (C == '}') {
      Out += "}}";
    } else {
      Out += C;
    }
  }
  return Out;
}

} // namespace

// The address of a global or a function, as `sym` wants it, with the
// constant offset the expression adds.
std::optional<ir::Symbol>
FunctionLowering::symbolAddress(const clang::Expr *E, int64_t &Offset) {
  // A string literal (`"i"(__FILE__)`): its bytes become a static item.
  if (const auto *SL = dyn_cast<StringLiteral>(E->IgnoreParenImpCasts())) {
    if (SL->getCharByteWidth() != 1)
      return std::nullopt;
    std::string Bytes = SL->getBytes().str();
    Bytes.push_back('\0');
    TypeRef Ty = Type::array(Type::integer(8, false), Bytes.size());
    std::string Name = "__ASM_STRING_" + std::to_string(StaticItems.size());
    auto Str = std::make_unique<ir::Expr>(ExprKind::ByteStr,
                                          Type::pointer(Ty, true));
    Str->Text = Bytes;
    ir::Stmt Item(ir::Stmt::Kind::Static);
    Item.Item.Name = Name;
    Item.Item.Ty = Ty;
    Item.Item.Init = std::make_unique<ir::Expr>(ExprKind::Deref, Ty);
    Item.Item.Init->Ops.push_back(std::move(Str));
    StaticItems.push_back(std::move(Item));
    Offset = 0;
    return ir::Symbol{ir::SymbolKind::LocalStatic, Name};
  }
  Expr::EvalResult R;
  if (!E->EvaluateAsRValue(R, Ctx) || !R.Val.isLValue() ||
      R.Val.getLValueBase().isNull())
    return std::nullopt;
  const auto *D =
      R.Val.getLValueBase().dyn_cast<const ValueDecl *>();
  if (!D)
    return std::nullopt;
  Offset = R.Val.getLValueOffset().getQuantity();
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    return functionSymbol(FD);
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD || VD->hasLocalStorage())
    return std::nullopt;
  if (VD->isStaticLocal()) {
    staticLocal(VD);
    return ir::Symbol{ir::SymbolKind::LocalStatic, Statics[VD]};
  }
  if (VD->getStorageClass() == SC_Static)
    return std::nullopt;
  return LC.externStatic({VD->getNameAsString(), type(VD->getType(), E)});
}

// A local initialised with a constant and never written or address-taken
// afterwards (`__auto_type __flags = BUGFLAG_WARNING | x;` in WARN) is that
// constant wherever it is read.
std::optional<llvm::APSInt>
FunctionLowering::constantLocal(const clang::Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || !VD->getInit() ||
      !VD->getType()->isIntegerType())
    return std::nullopt;
  Expr::EvalResult Init;
  if (!VD->getInit()->EvaluateAsInt(Init, Ctx))
    return std::nullopt;
  bool Written = false;
  std::function<void(const clang::Stmt *)> Scan = [&](const clang::Stmt *S) {
    if (!S || Written)
      return;
    auto Names = [&](const clang::Expr *X) {
      const auto *R = dyn_cast<DeclRefExpr>(X->IgnoreParenImpCasts());
      return R && R->getDecl() == VD;
    };
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      Written |= BO->isAssignmentOp() && Names(BO->getLHS());
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      Written |= (UO->isIncrementDecrementOp() ||
                  UO->getOpcode() == UO_AddrOf) &&
                 Names(UO->getSubExpr());
    for (const clang::Stmt *Child : S->children())
      Scan(Child);
  };
  Scan(FD->getBody());
  if (Written)
    return std::nullopt;
  return Init.Val.getInt();
}

ExprPtr FunctionLowering::asmValue(ExprPtr V, const TypeRef &AsmTy) {
  if (V->Ty->isBool())
    return ir::makeCast(std::move(V), AsmTy);
  if (V->Ty->kind() == Type::Kind::FnPtr) {
    auto T = std::make_unique<ir::Expr>(ExprKind::Transmute, AsmTy);
    T->Ops.push_back(std::move(V));
    return T;
  }
  return coerce(std::move(V), AsmTy);
}

void FunctionLowering::asmStmt(const GCCAsmStmt *S,
                               std::vector<ir::Stmt> &Out) {
  unsigned NumOut = S->getNumOutputs(), NumIn = S->getNumInputs();
  unsigned NumLabels = S->getNumLabels();
  if (S->isAsmGoto() && NumOut > 0)
    reject(S, "asm-goto-outputs",
           "asm goto with outputs is unstable in Rust");
  if (S->isAsmGoto() && !LC.rustAtLeast(1, 87))
    reject(S, "asm-goto-needs-rust-1.87",
           "asm goto needs Rust's label operands (1.87); raise --rust-version");

  SmallVector<GCCAsmStmt::AsmStringPiece, 16> Pieces;
  unsigned DiagOffset = 0;
  if (S->AnalyzeAsmString(Pieces, Ctx, DiagOffset))
    reject(S, "asm-template", "the asm template cannot be analysed");

  auto Asm = std::make_unique<ir::Expr>(ExprKind::Asm, Type::unit());
  std::vector<OperandPlan> Plans(NumOut + NumIn + NumLabels);
  std::vector<ir::AsmOperand> Positional, Explicit;
  std::vector<ir::Stmt> After; // stores of outputs, after the asm
  bool MemoryOperand = false, MemoryOutput = false;
  auto AddOp = [&](ExprPtr E) {
    Asm->Ops.push_back(std::move(E));
    return static_cast<int>(Asm->Ops.size() - 1);
  };
  auto Constraint = [&](const std::string &Text, const std::string &Name) {
    AsmConstraint C = parseAsmConstraint(Text);
    if (!C.Unsupported.empty())
      reject(S, "asm-constraint-unsupported",
             "constraint letter '" + C.Unsupported + "' of operand " + Name +
                 " has no Rust asm! form");
    return C;
  };
  // A register operand: an explicit register (named last, as Rust wants) or
  // a register class (positional, referenced by index in the template).
  auto PlaceRegister = [&](ir::AsmOperand Op, const AsmConstraint &C,
                           OperandPlan &P) {
    if (!C.ExplicitReg.empty()) {
      P.Kind = OperandKind::Explicit;
      P.Family = C.ExplicitReg;
      Op.Reg = rustExplicitRegister(C.ExplicitReg, P.Bytes);
      Op.Explicit = true;
      P.ExplicitIndex = static_cast<int>(Explicit.size());
      Explicit.push_back(Op);
      return;
    }
    P.Kind = OperandKind::Register;
    P.RegClass = P.Bytes == 1 ? "reg_byte" : C.AbcdOnly ? "reg_abcd" : "reg";
    Op.Reg = P.RegClass;
    P.RustIndex = static_cast<int>(Positional.size());
    Positional.push_back(Op);
  };
  auto OperandName = [&](unsigned G) {
    StringRef N = G < NumOut ? S->getOutputName(G) : S->getInputName(G - NumOut);
    return N.empty() ? "%" + std::to_string(G) : "[" + N.str() + "]";
  };

  // Outputs.
  for (unsigned G = 0; G < NumOut; ++G) {
    AsmConstraint C = Constraint(S->getOutputConstraint(G).str(), OperandName(G));
    const clang::Expr *OE = S->getOutputExpr(G);
    LValue LV = lvalue(OE);
    OperandPlan &P = Plans[G];
    if (!isAsmValueType(LV.Ty))
      reject(OE, "asm-operand-type",
             "operand " + OperandName(G) + " is not a scalar");
    TypeRef AT = asmType(LV.Ty);
    P.Bytes = byteSize(AT);
    if (!C.FlagCond.empty()) {
      P.Kind = OperandKind::Flag;
      TypeRef U8 = Type::integer(8, false);
      ir::LocalId Tmp = addLocal("__flag", U8);
      Out.push_back(ir::Stmt::let(Tmp, nullptr));
      ir::AsmOperand Op{"lateout", "reg_byte", false, -1,
                        AddOp(ir::makeLocal(Tmp, U8)), {}};
      P.RustIndex = static_cast<int>(Positional.size());
      Positional.push_back(Op);
      ExprPtr Value = ir::makeLocal(Tmp, U8);
      Value = LV.Ty->isBool()
                  ? toBool(std::move(Value))
                  : ir::makeCast(std::move(Value), LV.Ty);
      After.push_back(ir::Stmt::expr(store(std::move(LV), std::move(Value))));
      continue;
    }
    if (!C.AllowsReg && C.ExplicitReg.empty() && C.AllowsMem) {
      // The address goes in; the asm writes through it.
      P.Kind = OperandKind::Memory;
      MemoryOperand = MemoryOutput = true;
      if (!LV.Bitfield.empty())
        reject(OE, "asm-operand-type", "memory operand is a bitfield");
      ir::AsmOperand Op{"in", "reg", false,
                        AddOp(addressOfPlace(std::move(LV), true)), -1, {}};
      P.RustIndex = static_cast<int>(Positional.size());
      Positional.push_back(Op);
      continue;
    }
    if (!C.AllowsReg && C.ExplicitReg.empty())
      reject(OE, "asm-constraint-unsupported",
             "output " + OperandName(G) + " allows no register");
    ir::LocalId Tmp = addLocal("__asm_out", AT);
    Out.push_back(ir::Stmt::let(Tmp, nullptr));
    ir::AsmOperand Op;
    Op.Dir = C.ReadWrite ? "inout" : C.EarlyClobber ? "out" : "lateout";
    Op.Out = AddOp(ir::makeLocal(Tmp, AT));
    if (C.ReadWrite)
      Op.In = AddOp(asmValue(load(duplicate(LV)), AT));
    PlaceRegister(std::move(Op), C, P);
    ExprPtr Value = ir::makeLocal(Tmp, AT);
    if (LV.Ty->isBool())
      Value = toBool(std::move(Value));
    else if (LV.Ty->kind() == Type::Kind::FnPtr) {
      auto T = std::make_unique<ir::Expr>(ExprKind::Transmute, LV.Ty);
      T->Ops.push_back(std::move(Value));
      Value = std::move(T);
    }
    After.push_back(ir::Stmt::expr(store(std::move(LV), std::move(Value))));
  }

  // Inputs.
  for (unsigned I = 0; I < NumIn; ++I) {
    unsigned G = NumOut + I;
    AsmConstraint C = Constraint(S->getInputConstraint(I).str(), OperandName(G));
    const clang::Expr *IE = S->getInputExpr(I);
    OperandPlan &P = Plans[G];
    if (C.Tied >= 0) {
      if (static_cast<unsigned>(C.Tied) >= NumOut ||
          (Plans[C.Tied].Kind != OperandKind::Register &&
           Plans[C.Tied].Kind != OperandKind::Explicit))
        reject(IE, "asm-constraint-unsupported",
               "input " + OperandName(G) + " is tied to an operand that is "
               "not a register");
      P = Plans[C.Tied];
      // The output's operand becomes an inout carrying this value.
      const OperandPlan &Tied = Plans[C.Tied];
      ir::AsmOperand *Target = Tied.Kind == OperandKind::Explicit
                                   ? &Explicit[Tied.ExplicitIndex]
                                   : &Positional[Tied.RustIndex];
      TypeRef OutTy = Asm->Ops[Target->Out]->Ty;
      Target->In = AddOp(asmValue(rvalue(IE), OutTy));
      Target->Dir = "inout";
      continue;
    }
    TypeRef VT = type(IE->getType(), IE);
    P.Bytes = isAsmValueType(VT) ? byteSize(asmType(VT)) : 8;
    if (C.AllowsImm) {
      Expr::EvalResult R;
      std::optional<llvm::APSInt> Local = constantLocal(IE);
      if (Local) {
        R.Val = APValue(*Local);
      }
      if (IE->getType()->isIntegerType() && !IE->HasSideEffects(Ctx) &&
          (Local || IE->EvaluateAsInt(R, Ctx))) {
        P.Kind = OperandKind::Const;
        ir::AsmOperand Op{"const", "", false,
                          AddOp(ir::makeInt(R.Val.getInt().extOrTrunc(64).getZExtValue(),
                                            VT->isInt() ? VT : Type::integer(64, true))),
                          -1, {}};
        P.RustIndex = static_cast<int>(Positional.size());
        Positional.push_back(Op);
        continue;
      }
      if (std::optional<ir::Symbol> Sym = symbolAddress(IE, P.SymOffset)) {
        P.Kind = OperandKind::Sym;
        ir::AsmOperand Op{"sym", "", false, -1, -1, *Sym};
        P.RustIndex = static_cast<int>(Positional.size());
        Positional.push_back(Op);
        continue;
      }
      if (!C.AllowsReg && C.ExplicitReg.empty() && !C.AllowsMem)
        reject(IE, "asm-immediate-not-constant",
               "immediate operand " + OperandName(G) +
                   " is not a constant in this function");
    }
    if (C.AllowsReg || !C.ExplicitReg.empty()) {
      if (!isAsmValueType(VT))
        reject(IE, "asm-operand-type",
               "operand " + OperandName(G) + " is not a scalar");
      TypeRef AT = asmType(VT);
      PlaceRegister({"in", "", false, AddOp(asmValue(rvalue(IE), AT)), -1, {}},
                    C, P);
      continue;
    }
    if (C.AllowsMem) {
      if (!IE->isGLValue())
        reject(IE, "asm-operand-type",
               "memory operand " + OperandName(G) + " is not an lvalue");
      P.Kind = OperandKind::Memory;
      MemoryOperand = true;
      LValue LV = lvalue(IE);
      if (!LV.Bitfield.empty())
        reject(IE, "asm-operand-type", "memory operand is a bitfield");
      ir::AsmOperand Op{"in", "reg", false,
                        AddOp(addressOfPlace(std::move(LV), false)), -1, {}};
      P.RustIndex = static_cast<int>(Positional.size());
      Positional.push_back(Op);
      continue;
    }
    reject(IE, "asm-constraint-unsupported",
           "input " + OperandName(G) + " has no form Rust can pass");
  }

  // Labels: each is a block that performs the goto.
  for (unsigned L = 0; L < NumLabels; ++L) {
    unsigned G = NumOut + NumIn + L;
    std::vector<ir::Stmt> Jump;
    gotoStmt(S->getLabelExpr(L)->getLabel(), S, Jump);
    Plans[G].Kind = OperandKind::Label;
    ir::AsmOperand Op{"label", "", false,
                      AddOp(ir::makeBlock(std::move(Jump), nullptr,
                                          Type::unit())),
                      -1, {}};
    Plans[G].RustIndex = static_cast<int>(Positional.size());
    Positional.push_back(Op);
  }

  // The template.
  std::string Text;
  std::set<int> Referenced;
  for (const GCCAsmStmt::AsmStringPiece &Piece : Pieces) {
    if (Piece.isString()) {
      if (Piece.getString().find("${:uid}") != std::string::npos)
        reject(S, "asm-constraint-unsupported",
               "modifier '%=' (a number unique per asm instance) has no Rust "
               "form: Rust inlining duplicates the asm text");
      Text += escapeTemplateText(Piece.getString());
      continue;
    }
    unsigned G = Piece.getOperandNo();
    char ModChar = Piece.getModifier();
    std::string Mod = ModChar ? std::string(1, ModChar) : std::string();
    const OperandPlan &P = Plans[G];
    auto Placeholder = [&](char M) {
      Referenced.insert(P.RustIndex);
      std::string S = "{" + std::to_string(P.RustIndex);
      if (M)
        S += std::string(":") + M;
      return S + "}";
    };
    auto Unsupported = [&]() {
      reject(S, "asm-constraint-unsupported",
             "modifier '%" + Mod + "' on operand " + OperandName(G) +
                 " has no Rust form");
    };
    if (Mod == "z") {
      Text += suffixFor(P.Bytes);
      continue;
    }
    if (Mod == "a") {
      // An address: `(%reg)` for a register, the bare value otherwise.
      if (P.Kind == OperandKind::Register && P.RegClass != "reg_byte")
        Text += "(" + Placeholder('r') + ")";
      else if (P.Kind == OperandKind::Const || P.Kind == OperandKind::Sym)
        Mod = "c";
      else
        Unsupported();
      if (Mod == "a")
        continue;
    }
    // The register width a modifier selects (%k %w %b %q), or the high byte
    // (%h); the operand's own width without one.
    auto RegisterWidth = [&](bool &High) {
      High = Mod == "h";
      if (Mod == "k")
        return 4u;
      if (Mod == "w")
        return 2u;
      if (Mod == "b")
        return 1u;
      if (Mod == "q")
        return 8u;
      if (!Mod.empty() && !High)
        Unsupported();
      return P.Bytes;
    };
    switch (P.Kind) {
    case OperandKind::Register: {
      bool High;
      unsigned Bytes = RegisterWidth(High);
      if (P.RegClass == "reg_byte") {
        if (Bytes != 1 || High)
          Unsupported();
        Text += Placeholder(0);
      } else if (High) {
        if (P.RegClass != "reg_abcd")
          Unsupported();
        Text += Placeholder('h');
      } else {
        Text += Placeholder(Bytes == 1 ? 'l' : registerModifier(Bytes));
      }
      break;
    }
    case OperandKind::Explicit: {
      bool High;
      unsigned Bytes = RegisterWidth(High);
      Text += explicitRegisterName(P.Family, Bytes, High);
      break;
    }
    case OperandKind::Memory:
      if (!Mod.empty())
        Unsupported();
      Text += "(" + Placeholder(0) + ")";
      break;
    case OperandKind::Const:
    case OperandKind::Sym: {
      bool Bare = Mod == "c" || Mod == "P";
      if (!Mod.empty() && !Bare)
        Unsupported();
      Text += (Bare ? "" : "$") + Placeholder(0);
      if (P.Kind == OperandKind::Sym && P.SymOffset)
        Text += (P.SymOffset > 0 ? "+" : "") + std::to_string(P.SymOffset);
      break;
    }
    case OperandKind::Label:
      Text += Placeholder(0);
      break;
    case OperandKind::Flag:
      reject(S, "asm-constraint-unsupported",
             "flag output " + OperandName(G) + " used in the template");
    }
  }
  // GCC lets the template ignore an operand (a dependency only); Rust wants
  // each mentioned, so the unused ones go into a comment.
  for (const OperandPlan &P : Plans) {
    if (P.RustIndex < 0 || P.Kind == OperandKind::Flag ||
        !Referenced.insert(P.RustIndex).second)
      continue;
    char M = P.Kind == OperandKind::Register && P.RegClass != "reg_byte"
                 ? registerModifier(P.Bytes)
                 : 0;
    Text += "\n\t/* {" + std::to_string(P.RustIndex) +
            (M ? std::string(":") + M : "") + "} */";
  }
  for (unsigned G = 0; G < NumOut; ++G)
    if (Plans[G].Kind == OperandKind::Flag) {
      std::string Cond = parseAsmConstraint(S->getOutputConstraint(G).str()).FlagCond;
      Text += "\n\tset" + Cond + " {" + std::to_string(Plans[G].RustIndex) + "}";
    }

  // Clobbers.
  bool MemoryClobber = false;
  std::set<std::string> Used;
  for (const ir::AsmOperand &Op : Explicit)
    Used.insert(clobberRegister(Op.Reg));
  for (unsigned I = 0; I < S->getNumClobbers(); ++I) {
    std::string Clobber = S->getClobber(I).str();
    if (!Clobber.empty() && Clobber[0] == '%')
      Clobber = Clobber.substr(1);
    if (Clobber == "memory") {
      MemoryClobber = true;
      continue;
    }
    if (Clobber == "cc" || Clobber == "dirflag" || Clobber == "fpsr" ||
        Clobber == "flags")
      continue;
    std::string Reg = clobberRegister(Clobber);
    if (Reg.empty())
      reject(S, "asm-constraint-unsupported",
             "clobber '" + Clobber + "' has no Rust form");
    if (!Used.insert(Reg).second)
      continue;
    Explicit.push_back({"lateout", Reg, true, -1, -1, {}});
  }

  for (ir::AsmOperand &Op : Positional)
    Asm->AsmOps.push_back(Op);
  for (ir::AsmOperand &Op : Explicit)
    Asm->AsmOps.push_back(Op);
  Asm->Text = Text;
  std::string Options = "att_syntax";
  // GCC may drop or merge a non-volatile asm with outputs: Rust's `pure`.
  bool HasOutputs = NumOut > 0 && !MemoryOutput;
  if (!S->isVolatile() && HasOutputs && !MemoryClobber) {
    if (!MemoryOperand)
      Options += ", pure, nomem";
    else
      Options += ", pure, readonly";
  }
  Asm->Name = Options;
  Out.push_back(ir::Stmt::expr(std::move(Asm)));
  for (auto &St : After)
    Out.push_back(std::move(St));
}

} // namespace h2r::frontend
