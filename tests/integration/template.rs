//! The blank template reads back as a valid, empty dataset, with every
//! contract sheet present.

use homecare_audit::workbook::{SheetKind, read_path, write_template};

#[test]
fn template_reads_back_as_a_valid_empty_dataset() {
    let dir = std::env::temp_dir().join("homecare-template-test");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sablona.xlsx");
    write_template(&path).unwrap();
    let (ds, problems) = read_path(&path, &Default::default()).unwrap();
    assert!(ds.visits.is_empty() && ds.clients.is_empty() && ds.workers.is_empty());
    assert!(problems.list.is_empty(), "{:?}", problems.list);
    // Every table sheet was found and read, with no rows.
    for kind in [
        SheetKind::Tasks,
        SheetKind::Workers,
        SheetKind::Clients,
        SheetKind::Visits,
        SheetKind::Prices,
        SheetKind::Costs,
        SheetKind::Revenues,
    ] {
        let c = problems
            .rows
            .get(kind.cs())
            .unwrap_or_else(|| panic!("{} not read", kind.cs()));
        assert_eq!(c.read, 0, "{}", kind.cs());
    }
    // Costs and revenues sheets present but empty: given, and zero lines.
    assert_eq!(ds.costs.as_deref(), Some(&[][..]));
    assert_eq!(ds.provider.weekly_hours, rust_decimal::Decimal::from(40));
}
