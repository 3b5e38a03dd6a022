/// How many of the ascending `grid`'s first values are below `bound`.
fn below(grid: &[u64], bound: u64) -> usize {
    grid.iter().take_while(|&&v| v < bound).count()
}
