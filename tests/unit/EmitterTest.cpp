// Emitter tests: IR built by hand, printed, and compiled by rustc. No Clang.
#include "RustCompile.h"
#include "emitter/RustEmitter.h"
#include "ir/Passes.h"

#include <catch2/catch.hpp>

using namespace h2r;
using namespace h2r::ir;

namespace {

TypeRef i32() { return Type::integer(32, true); }
TypeRef u32() { return Type::integer(32, false); }

emit::EmitOptions selfMode() {
  emit::EmitOptions O;
  O.Types = emit::TypeMode::Self;
  return O;
}

// A helper `f(a: i32, b: u32) -> R` whose body is the given tail.
Module moduleWith(TypeRef Ret, ExprPtr Tail, std::vector<Stmt> Stmts = {}) {
  Module M;
  Function F;
  F.CName = F.RustName = "f";
  F.FnRole = Function::Role::Helper;
  F.Ret = Ret;
  F.Locals.push_back({"a", i32(), true, false});
  F.Locals.push_back({"b", u32(), true, false});
  F.Params = {0, 1};
  F.Body = makeBlock(std::move(Stmts), std::move(Tail), Ret);
  M.Functions.push_back(std::move(F));
  return M;
}

std::string emitAndCompile(Module &M, const std::string &Name,
                           emit::EmitOptions O = selfMode()) {
  runFunctionPasses(M, PassOptions());
  std::string Rust = emit::emitModule(M, O);
  auto R = test::compileRust(Rust, Name);
  INFO(Rust);
  INFO(R.Diagnostics);
  REQUIRE(R.Ok);
  return Rust;
}

} // namespace

TEST_CASE("types print as Rust and as bindgen paths", "[emitter]") {
  emit::EmitOptions Self = selfMode();
  emit::EmitOptions Bindgen;
  Bindgen.BindingsPath = "crate::bindings";
  auto Rec = Type::record("list_head");
  CHECK(emit::emitType(*Type::pointer(Rec, false), Self) == "*mut list_head");
  CHECK(emit::emitType(*Type::pointer(Rec, true), Bindgen) ==
        "*const crate::bindings::list_head");
  CHECK(emit::emitType(*Type::array(Type::integer(8, false), 16), Self) ==
        "[u8; 16]");
  CHECK(emit::emitType(*Type::integer(64, false, true), Self) == "usize");
  CHECK(emit::emitType(*Type::pointer(Type::cvoid(), false), Self) ==
        "*mut core::ffi::c_void");
  CHECK(emit::emitType(*Type::fnPtr(i32(), {i32(), Type::pointer(Rec, false)},
                                    false),
                       Self) ==
        "Option<unsafe extern \"C\" fn(i32, *mut list_head) -> i32>");
  CHECK(emit::emitType(*Type::fnPtr(Type::unit(), {i32()}, true), Self) ==
        "Option<unsafe extern \"C\" fn(i32, ...)>");
}

TEST_CASE("integer literals keep their type and extreme values", "[emitter]") {
  // a - i32::MIN, a.wrapping_add(-5), b | 0xdeadbeef
  auto Min = makeInt(0x80000000u, i32());
  auto Neg = makeInt(static_cast<uint64_t>(-5), i32());
  auto Sum = makeMethod("wrapping_sub", makeLocal(0, i32()), {}, i32());
  Sum->Ops.push_back(std::move(Min));
  auto Add = makeMethod("wrapping_add", std::move(Sum), {}, i32());
  Add->Ops.push_back(std::move(Neg));
  Module M = moduleWith(i32(), std::move(Add));
  std::string Rust = emitAndCompile(M, "literals");
  CHECK_THAT(Rust, Catch::Contains("a.wrapping_sub(i32::MIN).wrapping_add(-5_i32)"));

  Module M2 = moduleWith(
      u32(), makeBinary(BinaryOp::BitOr, makeLocal(1, u32()), makeInt(0xdeadbeef, u32()),
                        u32()));
  CHECK_THAT(emitAndCompile(M2, "hex"), Catch::Contains("b | 0xdeadbeef_u32"));
}

TEST_CASE("casts before < and << get the parentheses Rust needs", "[emitter]") {
  // (a as u32) < b, and (a as u32) << 3 as a value
  auto Lt = makeBinary(BinaryOp::Lt, makeCast(makeLocal(0, i32()), u32()),
                       makeLocal(1, u32()), Type::boolean());
  Module M = moduleWith(i32(), makeCast(std::move(Lt), i32()));
  std::string Rust = emitAndCompile(M, "cast_lt");
  CHECK_THAT(Rust, Catch::Contains("((a as u32) < b) as i32"));

  auto Shl = makeBinary(BinaryOp::Shl, makeCast(makeLocal(0, i32()), u32()),
                        makeInt(3, u32()), u32());
  Module M2 = moduleWith(u32(), std::move(Shl));
  CHECK_THAT(emitAndCompile(M2, "cast_shl"), Catch::Contains("(a as u32) << 3_u32"));
}

TEST_CASE("a negative literal as a method receiver is parenthesised",
          "[emitter]") {
  auto Call = makeMethod("wrapping_mul", makeInt(static_cast<uint64_t>(-1), i32()),
                         {}, i32());
  Call->Ops.push_back(makeLocal(0, i32()));
  Module M = moduleWith(i32(), std::move(Call));
  CHECK_THAT(emitAndCompile(M, "neg_recv"),
             Catch::Contains("(-1_i32).wrapping_mul(a)"));
}

TEST_CASE("a block that starts a statement is parenthesised, not the whole",
          "[emitter]") {
  // ({ let x = a; x }).wrapping_add(1) in tail position.
  Module M;
  {
    Module Tmp = moduleWith(i32(), nullptr);
    M = std::move(Tmp);
  }
  Function &F = M.Functions[0];
  F.Locals.push_back({"x", i32(), false, false});
  std::vector<Stmt> Inner;
  Inner.push_back(Stmt::let(2, makeLocal(0, i32())));
  auto Blk = makeBlock(std::move(Inner), makeLocal(2, i32()), i32());
  auto Add = makeMethod("wrapping_add", std::move(Blk), {}, i32());
  Add->Ops.push_back(makeInt(1, i32()));
  F.Body = makeBlock({}, std::move(Add), i32());
  std::string Rust = emitAndCompile(M, "block_receiver");
  CHECK_THAT(Rust, Catch::Contains("}).wrapping_add(1_i32)"));
}

namespace {
Module stringModule(const std::string &Bytes) {
  auto S = std::make_unique<Expr>(ExprKind::ByteStr,
                                  Type::pointer(Type::integer(8, true), true));
  S->Text = Bytes;
  return moduleWith(Type::pointer(Type::integer(8, true), true), std::move(S));
}
} // namespace

TEST_CASE("strings escape quotes and non-printable bytes", "[emitter]") {
  std::string Bytes = std::string("a\"b\\\n\x01", 6) + '\0';
  Module C = stringModule(Bytes);
  CHECK_THAT(emitAndCompile(C, "cstr"),
             Catch::Contains(R"(c"a\"b\\\x0a\x01".as_ptr())"));
  // Before Rust 1.77 there are no C string literals.
  emit::EmitOptions Old = selfMode();
  Old.Version = {1, 76};
  Module B = stringModule(Bytes);
  CHECK_THAT(emitAndCompile(B, "bytestr", Old),
             Catch::Contains(R"(b"a\"b\\\x0a\x01\x00".as_ptr() as *const i8)"));
  // An inner NUL cannot be in a C string literal.
  Module Inner = stringModule(std::string("a\0b\0", 4));
  CHECK_THAT(emitAndCompile(Inner, "innernul"),
             Catch::Contains(R"(b"a\x00b\x00".as_ptr() as *const i8)"));
}

TEST_CASE("records carry their layout and rustc checks it", "[emitter]") {
  Module M = moduleWith(Type::unit(), nullptr);
  RecordDef R;
  R.Name = "flags";
  R.CSpelling = "struct flags";
  R.Size = 16;
  R.Align = 8;
  RecordMember A(RecordMember::Kind::Field);
  A.Name = "a";
  A.Ty = Type::integer(8, false);
  A.Offset = 0;
  RecordMember U(RecordMember::Kind::BitfieldUnit);
  U.Name = "_bitfield_1";
  U.Bytes = 2;
  U.Offset = 1;
  RecordMember P(RecordMember::Kind::Padding);
  P.Name = "_pad_1";
  P.Bytes = 5;
  P.Offset = 3;
  RecordMember L(RecordMember::Kind::Field);
  L.Name = "l";
  L.Ty = Type::integer(64, true);
  L.Offset = 8;
  R.Members = {A, U, P, L};
  R.Bitfields.push_back({"mode", Type::integer(32, true), "_bitfield_1", 3, 9});
  M.Records.push_back(R);
  std::string Rust = emitAndCompile(M, "record_layout");
  CHECK_THAT(Rust, Catch::Contains("size_of::<flags>() == 16"));
  CHECK_THAT(Rust, Catch::Contains("offset_of!(flags, l) == 8"));
  CHECK_THAT(Rust, Catch::Contains("pub fn set_mode(&mut self, val: i32)"));

  // A wrong layout is caught by rustc, not silently emitted.
  M.Records[0].Size = 24;
  std::string Bad = emit::emitModule(M, selfMode());
  CHECK_FALSE(test::compileRust(Bad, "record_layout_bad").Ok);
}

TEST_CASE("inline functions live in `inlines` and helpers call them there",
          "[emitter]") {
  Module M = moduleWith(i32(), nullptr);
  auto Call = std::make_unique<Expr>(ExprKind::Call, i32());
  Call->Sym = {SymbolKind::InlineFn, "f"};
  Call->Ops.push_back(makeLocal(0, i32()));
  M.Functions[0].Body = makeBlock({}, std::move(Call), i32());
  M.Functions[0].RustName = "f";
  Function In;
  In.CName = In.RustName = "f";
  In.FnRole = Function::Role::Inline;
  In.Ret = i32();
  In.Locals.push_back({"x", i32(), true, false});
  In.Params = {0};
  In.Body = makeBlock({}, makeLocal(0, i32()), i32());
  M.Functions.push_back(std::move(In));
  std::string Rust = emitAndCompile(M, "inlines_module");
  CHECK_THAT(Rust, Catch::Contains("inlines::f(a)"));
  CHECK_THAT(Rust, Catch::Contains("mod inlines {"));
  CHECK_THAT(Rust, Catch::Contains("pub(super) unsafe fn f(x: i32) -> i32"));
}

TEST_CASE("fallback helpers are declared with their C symbol", "[emitter]") {
  Module M;
  FallbackDecl D;
  D.CName = "rust_helper_spin_lock";
  D.RustName = "spin_lock";
  D.Signature.Ret = Type::unit();
  D.Signature.Params = {Type::pointer(Type::record("spinlock"), false)};
  M.Fallbacks.push_back(D);
  RecordDef R;
  R.Name = "spinlock";
  R.CSpelling = "struct spinlock";
  R.Opaque = true;
  M.Records.push_back(R);
  std::string Rust = emitAndCompile(M, "fallback_decl");
  CHECK_THAT(Rust, Catch::Contains("#[link_name = \"rust_helper_spin_lock\"]"));
  CHECK_THAT(Rust, Catch::Contains("pub fn spin_lock(arg0: *mut spinlock);"));
}

TEST_CASE("emission is deterministic", "[emitter]") {
  auto Build = [] {
    return moduleWith(i32(), makeBinary(BinaryOp::Add, makeLocal(0, i32()),
                                        makeInt(1, i32()), i32()));
  };
  Module A = Build(), B = Build();
  CHECK(emit::emitModule(A, selfMode()) == emit::emitModule(B, selfMode()));
}
