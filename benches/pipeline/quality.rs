//! How well found segments recover the planted kinds of patient: the adjusted Rand
//! index (1 = the same partition, 0 = no better than chance) and purity.

/// Agreement between segments (row indices) and each row's planted kind.
pub struct Agreement {
    pub adjusted_rand: f64,
    pub purity: f64,
}

/// Compares the segments with the planted kinds; rows in no segment are left out.
pub fn agreement(segments: &[Vec<usize>], planted: &[u8]) -> Agreement {
    let kinds = planted.iter().map(|&k| k as usize + 1).max().unwrap_or(0);
    let table: Vec<Vec<f64>> = segments
        .iter()
        .map(|members| {
            let mut row = vec![0.0; kinds];
            for &m in members {
                row[planted[m] as usize] += 1.0;
            }
            row
        })
        .collect();
    let n: f64 = table.iter().flatten().sum();
    let pairs = |x: f64| x * (x - 1.0) / 2.0;
    let cells: f64 = table.iter().flatten().map(|&c| pairs(c)).sum();
    let rows: f64 = table.iter().map(|r| pairs(r.iter().sum())).sum();
    let columns: f64 = (0..kinds)
        .map(|k| pairs(table.iter().map(|r| r[k]).sum()))
        .sum();
    let expected = rows * columns / pairs(n);
    let best = (rows + columns) / 2.0;
    let adjusted_rand = if best == expected {
        1.0
    } else {
        (cells - expected) / (best - expected)
    };
    let majority: f64 = table
        .iter()
        .map(|r| r.iter().copied().fold(0.0, f64::max))
        .sum();
    Agreement {
        adjusted_rand,
        purity: majority / n,
    }
}

/// Checks the measure on partitions whose agreement is known; the benchmark runs it first.
pub fn self_check() {
    let planted = [0, 0, 1, 1, 2, 2];
    let same = agreement(&[vec![0, 1], vec![2, 3], vec![4, 5]], &planted);
    assert!((same.adjusted_rand - 1.0).abs() < 1e-9 && (same.purity - 1.0).abs() < 1e-9);
    let lump = agreement(&[vec![0, 1, 2, 3, 4, 5]], &planted);
    assert!(lump.adjusted_rand.abs() < 1e-9 && (lump.purity - 1.0 / 3.0).abs() < 1e-9);
}
