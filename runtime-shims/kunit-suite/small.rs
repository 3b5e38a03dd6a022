/// Integer arguments beside a pointer: small, since they may index the
/// object (a bit number, a count).
const SMALL: [u64; 9] = [0, 1, 2, 7, 31, 32, 63, 64, 127];
