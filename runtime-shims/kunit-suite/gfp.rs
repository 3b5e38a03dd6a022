/// An allocator's flags: it may sleep, zero or not, and never warns
/// (an order or size it cannot serve fails quietly).
const GFP: [bindings::gfp_t; 2] = [
    bindings::GFP_KERNEL | bindings::__GFP_NOWARN,
    bindings::GFP_KERNEL | bindings::__GFP_ZERO | bindings::__GFP_NOWARN,
];
