# Sourced by the project's scripts: Debian's Rust (bookworm-security's
# rustc-web family, /usr/bin) and nothing else. A rustup toolchain in
# ~/.cargo/bin, if the machine has one, must not mix into a build: /usr/bin
# goes first and every Rust tool is named by its full path.
h2r_rust_bin=/usr/bin
for h2r_tool in rustc rustdoc rustfmt clippy-driver cargo; do
  [ -x "$h2r_rust_bin/$h2r_tool" ] || {
    echo "rust-env: error: $h2r_rust_bin/$h2r_tool missing (scripts/install-deps.sh installs Debian's rustc-web family)" >&2
    return 1 2>/dev/null || exit 1
  }
done
export PATH="$h2r_rust_bin:$PATH"
export RUSTC=$h2r_rust_bin/rustc RUSTDOC=$h2r_rust_bin/rustdoc
export RUSTFMT=$h2r_rust_bin/rustfmt CLIPPY_DRIVER=$h2r_rust_bin/clippy-driver
export CARGO=$h2r_rust_bin/cargo
unset h2r_rust_bin h2r_tool
