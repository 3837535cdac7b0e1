//! Cell formats of the report. Number formats are stored in Excel's en-US
//! syntax; Excel and LibreOffice show them in the reader's locale
//! (`12 500,50 Kč` on a Czech machine).

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

use crate::Lang;
use crate::indicator::Unit;

/// Money in crowns, labelled in the report's language: `Kč` after the
/// amount in Czech, `CZK` before it in English (as the summary prints).
pub(crate) fn money_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Cs => "#,##0.00 \"Kč\"",
        Lang::En => "\"CZK \"#,##0.00",
    }
}
/// Hours with one decimal.
pub(crate) const HOURS: &str = "#,##0.0";

/// Fill colours of the status cells (conditional formatting).
pub(crate) const GREEN: &str = "#C6EFCE";
/// Amber.
pub(crate) const AMBER: &str = "#FFEB9C";
/// Red.
pub(crate) const RED: &str = "#FFC7CE";

/// Every format the report uses, built once.
pub(crate) struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub group: Format,
    pub text: Format,
    pub wrap: Format,
    pub muted: Format,
    /// Muted and wrapped (a note across a table).
    pub muted_wrap: Format,
    pub link: Format,
    pub count: Format,
    pub decimal: Format,
    pub hours: Format,
    pub money: Format,
    /// Money without the currency (beside a unit column).
    pub amount: Format,
    pub percent: Format,
    pub date: Format,
    pub month: Format,
    pub status: Format,
    pub green: Format,
    pub amber: Format,
    pub red: Format,
}

impl Styles {
    pub fn new(lang: Lang) -> Styles {
        let base = Format::new().set_align(FormatAlign::Top);
        Styles {
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new().set_font_color("#404040"),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color("#DDEBF7")
                .set_border_bottom(FormatBorder::Thin),
            group: Format::new()
                .set_bold()
                .set_background_color("#F2F2F2")
                .set_border_bottom(FormatBorder::Thin),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            muted: base.clone().set_italic().set_font_color("#595959"),
            muted_wrap: base
                .clone()
                .set_italic()
                .set_font_color("#595959")
                .set_text_wrap(),
            link: base
                .clone()
                .set_font_color(Color::RGB(0x0563C1))
                .set_underline(rust_xlsxwriter::FormatUnderline::Single),
            count: base.clone().set_num_format("#,##0"),
            decimal: base.clone().set_num_format("#,##0.00##"),
            hours: base.clone().set_num_format(HOURS),
            money: base.clone().set_num_format(money_format(lang)),
            amount: base.clone().set_num_format("#,##0.00"),
            percent: base.clone().set_num_format("0.0%"),
            date: base.clone().set_num_format("d.m.yyyy"),
            month: base.clone().set_num_format("mm/yyyy"),
            status: base.clone().set_align(FormatAlign::Center),
            green: Format::new().set_background_color(GREEN),
            amber: Format::new().set_background_color(AMBER),
            red: Format::new().set_background_color(RED),
        }
    }

    /// The format of an indicator's value.
    pub fn for_unit(&self, unit: Unit) -> &Format {
        match unit {
            Unit::Czk
            | Unit::CzkPerHour
            | Unit::CzkPerFteYear
            | Unit::CzkPerClientYear
            | Unit::CzkPerClientMonth => &self.amount,
            Unit::Share => &self.percent,
            Unit::Count => &self.count,
            Unit::HoursPerFteYear
            | Unit::HoursPerClientMonth
            | Unit::Minutes
            | Unit::PerThousand
            | Unit::Days => &self.hours,
            Unit::Ratio | Unit::Fte | Unit::ClientsPerFte | Unit::Workers => &self.decimal,
        }
    }
}
