//! Gower's distance for mixed answers: each variable contributes a dissimilarity from 0
//! to 1 in its own terms — the gap between positions, whether two choices differ, the
//! Jaccard distance between two sets of options — averaged over the variables both
//! respondents answered.

use super::features::{Features, Value};

/// The distance between two respondents' answers, 0 (alike) to 1 (nothing shared); 1
/// when they answered no variable in common.
pub fn gower(a: &[Value], b: &[Value]) -> f32 {
    let (mut sum, mut count) = (0.0f32, 0u32);
    for (x, y) in a.iter().zip(b) {
        let d = match (x, y) {
            (Value::Position(x), Value::Position(y)) => (x - y).abs(),
            (Value::Category(x), Value::Category(y)) => f32::from(x != y),
            (Value::Options(x), Value::Options(y)) => {
                let union = (x | y).count_ones();
                if union == 0 {
                    0.0
                } else {
                    1.0 - (x & y).count_ones() as f32 / union as f32
                }
            }
            _ => continue,
        };
        sum += d;
        count += 1;
    }
    if count == 0 {
        1.0
    } else {
        sum / count as f32
    }
}

/// Distances between every pair of a set of respondents, stored once per pair.
#[derive(Debug, Clone)]
pub struct DistanceMatrix {
    size: usize,
    cells: Vec<f32>,
}

impl DistanceMatrix {
    /// The distances between the given respondents (rows of `features`).
    pub fn between(features: &Features, rows: &[usize]) -> Self {
        let size = rows.len();
        let values: Vec<Vec<Value>> = rows.iter().map(|&row| features.row(row)).collect();
        let mut cells = Vec::with_capacity(size * size.saturating_sub(1) / 2);
        for i in 1..size {
            for earlier in &values[..i] {
                cells.push(gower(&values[i], earlier));
            }
        }
        DistanceMatrix { size, cells }
    }

    /// The distances among some of these respondents (indices into this matrix).
    pub fn subset(&self, picked: &[usize]) -> Self {
        let size = picked.len();
        let mut cells = Vec::with_capacity(size * size.saturating_sub(1) / 2);
        for i in 1..size {
            for &j in &picked[..i] {
                cells.push(self.get(picked[i], j));
            }
        }
        DistanceMatrix { size, cells }
    }

    /// The number of respondents.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The distance between the `i`-th and `j`-th respondents.
    pub fn get(&self, i: usize, j: usize) -> f32 {
        match i.cmp(&j) {
            std::cmp::Ordering::Equal => 0.0,
            std::cmp::Ordering::Greater => self.cells[i * (i - 1) / 2 + j],
            std::cmp::Ordering::Less => self.cells[j * (j - 1) / 2 + i],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_type_contributes_in_its_own_terms_and_missing_answers_are_skipped() {
        use Value::*;
        let a = [Position(0.0), Category(1), Options(0b011), Missing];
        let b = [Position(0.5), Category(1), Options(0b110), Position(1.0)];
        // 0.5 (gap) + 0 (same choice) + 2/3 (one shared option of three) over 3 variables.
        let expected = (0.5 + 0.0 + 2.0 / 3.0) / 3.0;
        assert!((gower(&a, &b) - expected).abs() < 1e-6);
        assert_eq!(gower(&a, &a), 0.0);
        assert_eq!(gower(&[Missing], &[Category(2)]), 1.0);
    }
}
