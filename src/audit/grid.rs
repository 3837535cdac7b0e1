//! A table of (row, column) cells — clients × months, workers × months —
//! dense when it is small, sparse when it would not be.
//!
//! A dense table costs rows × columns cells whether used or not. For an
//! honest provider that is small (20 000 clients × 12 months), but the
//! period runs from the first to the last visit date: a workbook with
//! 20 000 clients and two visits dated 1900 and 9999 asked for 97 200
//! months and 46 GB, and the process aborted. Past [`Grid::DENSE_MAX`]
//! cells (or four per timesheet row, if more) the table keeps only the
//! cells written, at most one per timesheet row.

use std::collections::HashMap;

#[derive(Clone, Debug)]
pub(crate) enum Grid<T> {
    Dense {
        columns: usize,
        cells: Vec<T>,
    },
    Sparse {
        columns: usize,
        fill: T,
        cells: HashMap<usize, T>,
    },
}

impl<T> Default for Grid<T> {
    fn default() -> Self {
        Grid::Dense {
            columns: 0,
            cells: Vec::new(),
        }
    }
}

impl<T: Clone> Grid<T> {
    /// Largest dense table whatever the number of rows: 4 Mi cells.
    pub const DENSE_MAX: usize = 4 << 20;

    /// A `rows` × `columns` table of `fill`, dense up to
    /// max([`Self::DENSE_MAX`], 4 × `writes`) cells, where `writes` bounds
    /// the cells that will be written (the timesheet's rows).
    pub fn new(rows: usize, columns: usize, fill: T, writes: usize) -> Grid<T> {
        let max = Self::DENSE_MAX.max(writes.saturating_mul(4));
        match rows.checked_mul(columns) {
            Some(n) if n <= max => Grid::Dense {
                columns,
                cells: vec![fill; n],
            },
            _ => Grid::Sparse {
                columns,
                fill,
                cells: HashMap::new(),
            },
        }
    }

    fn key(columns: usize, row: usize, column: usize) -> usize {
        row * columns + column
    }

    /// The cell, created from the fill value if the table is sparse.
    #[inline]
    pub fn get_mut(&mut self, row: usize, column: usize) -> &mut T {
        match self {
            Grid::Dense { columns, cells } => &mut cells[Self::key(*columns, row, column)],
            Grid::Sparse { .. } => self.sparse_cell(row, column),
        }
    }

    /// The sparse table's cell (kept out of line: the dense case is the
    /// common one and is read once a timesheet row).
    #[cold]
    fn sparse_cell(&mut self, row: usize, column: usize) -> &mut T {
        match self {
            Grid::Dense { columns, cells } => &mut cells[Self::key(*columns, row, column)],
            Grid::Sparse {
                columns,
                fill,
                cells,
            } => cells
                .entry(Self::key(*columns, row, column))
                .or_insert_with(|| fill.clone()),
        }
    }

    /// The cell (the fill value where a sparse table has none).
    pub fn get(&self, row: usize, column: usize) -> &T {
        match self {
            Grid::Dense { columns, cells } => &cells[Self::key(*columns, row, column)],
            Grid::Sparse {
                columns,
                fill,
                cells,
            } => cells.get(&Self::key(*columns, row, column)).unwrap_or(fill),
        }
    }

    /// Every cell held, with its row and column: all of a dense table,
    /// the written ones of a sparse table (in no particular order).
    pub fn for_each(&self, mut f: impl FnMut(usize, usize, &T)) {
        match self {
            Grid::Dense { columns, cells } => {
                for (i, x) in cells.iter().enumerate() {
                    f(i / columns, i % columns, x);
                }
            }
            Grid::Sparse { columns, cells, .. } => {
                for (&i, x) in cells {
                    f(i / columns, i % columns, x);
                }
            }
        }
    }

    #[cfg(test)]
    fn is_dense(&self) -> bool {
        matches!(self, Grid::Dense { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_and_sparse_read_alike() {
        // 3 × 4 is dense; 20 000 × 97 200 (1.9 G cells) is sparse.
        let mut small = Grid::new(3, 4, 0u64, 10);
        let mut huge = Grid::new(20_000, 97_200, 0u64, 10);
        assert!(small.is_dense());
        assert!(!huge.is_dense());
        for g in [&mut small, &mut huge] {
            *g.get_mut(2, 3) += 5;
            *g.get_mut(2, 3) += 1;
            *g.get_mut(0, 1) += 7;
        }
        assert_eq!(
            (*small.get(2, 3), *small.get(0, 1), *small.get(1, 1)),
            (6, 7, 0)
        );
        assert_eq!(
            (*huge.get(2, 3), *huge.get(0, 1), *huge.get(1, 1)),
            (6, 7, 0)
        );
        let mut held = Vec::new();
        huge.for_each(|r, c, x| held.push((r, c, *x)));
        held.sort();
        assert_eq!(held, [(0, 1, 7), (2, 3, 6)]);
        let mut nonzero = Vec::new();
        small.for_each(|r, c, x| {
            if *x > 0 {
                nonzero.push((r, c, *x))
            }
        });
        assert_eq!(nonzero, [(0, 1, 7), (2, 3, 6)]);
        // A product that overflows usize is sparse, not a panic.
        assert!(!Grid::new(usize::MAX, 2, 0u8, 0).is_dense());
    }
}
