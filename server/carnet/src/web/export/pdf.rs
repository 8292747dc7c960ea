//! A [`Printable`] on A4 pages, as a tagged PDF (PDF/UA-1: headings, paragraphs and the
//! reading order for screen readers; the document's title and language), with DejaVu Sans
//! embedded and subset so that every Belgian name prints ("Réseau Santé Wallon", "Müller",
//! "Ðorđe"). A character the font does not have prints as "?" rather than as nothing.
//! Carnet places the glyphs itself, one per character, from the font's own widths (the
//! text is Latin, Greek or Cyrillic, written left to right: no shaper is needed).

use std::num::NonZeroU16;
use std::sync::LazyLock;

use carnet_app::export::printable::{Block, Printable};
use krilla::Document;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const BOTTOM: f32 = PAGE_H - 64.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;

/// A font, for drawing (krilla) and for finding its glyphs and their widths (skrifa).
struct Face {
    font: Font,
    data: skrifa::FontRef<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Face> {
        use skrifa::MetadataProvider;
        let parsed = skrifa::FontRef::new(data).ok()?;
        let units_per_em = f32::from(parsed.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        Some(Face { font: Font::new(data.into(), 0)?, data: parsed, units_per_em })
    }

    /// The glyph of a character, and its advance in ems.
    fn glyph(&self, c: char) -> Option<(skrifa::GlyphId, f32)> {
        use skrifa::MetadataProvider;
        let glyph = self.data.charmap().map(c)?;
        let advance = self.data.glyph_metrics(Size::unscaled(), LocationRef::default()).advance_width(glyph)?;
        Some((glyph, advance / self.units_per_em))
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().filter_map(|c| self.glyph(c)).map(|(_, advance)| advance).sum::<f32>() * size
    }

    /// The text with what the font cannot print replaced: no control characters, "?" for a
    /// character it has no glyph for.
    fn printable(&self, text: &str) -> String {
        text.chars()
            .filter(|c| !c.is_control() && !invisible(*c))
            .map(|c| if c == ' ' || self.glyph(c).is_some() { c } else { '?' })
            .collect()
    }

    /// A line's glyphs, one per character, placed one after the other.
    fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .filter_map(|(at, c)| {
                let (glyph, advance) = self.glyph(c)?;
                let range = at..at + c.len_utf8();
                Some(KrillaGlyph::new(GlyphId::new(glyph.to_u32()), advance, 0.0, 0.0, 0.0, range, None))
            })
            .collect()
    }

    fn draw(&self, surface: &mut krilla::surface::Surface<'_>, at: Point, size: f32, text: &str) {
        surface.draw_glyphs(at, &self.glyphs(text), self.font.clone(), text, size, false);
    }
}

/// A character that formats text without being seen (a byte-order mark, a zero-width space,
/// a direction override, a soft hyphen …): a PDF for screen readers maps every glyph to
/// what it reads, and these read as nothing. Left out.
fn invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
            | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE0000..=0xE0FFF
    )
}

struct Fonts {
    regular: Face,
    bold: Face,
}

static FONTS: LazyLock<Option<Fonts>> = LazyLock::new(|| {
    Some(Fonts { regular: Face::load(dejavu::sans::regular())?, bold: Face::load(dejavu::sans::bold())? })
});

#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    bold: bool,
    size: f32,
    /// Grey level of the text (0 black).
    grey: u8,
    indent: f32,
}

const TITLE: Style = Style { bold: true, size: 20.0, grey: 0, indent: 0.0 };
const HEADING: Style = Style { bold: true, size: 14.0, grey: 0, indent: 0.0 };
const TEXT: Style = Style { bold: false, size: 10.5, grey: 0, indent: 0.0 };
const NOTE: Style = Style { bold: true, size: 10.5, grey: 0x60, indent: 0.0 };
const ITEM: Style = Style { bold: true, size: 11.0, grey: 0, indent: 0.0 };
const DETAIL: Style = Style { bold: false, size: 9.5, grey: 0x45, indent: 12.0 };

/// One line of text, placed.
struct Line {
    page: usize,
    y: f32,
    text: String,
    style: Style,
    /// Which paragraph of the tag tree it belongs to.
    paragraph: usize,
}

/// A paragraph of the tag tree: its tag, and the item it is part of (its `Div`), if any.
struct Paragraph {
    tag: TagKind,
    item: Option<usize>,
}

/// The longest text a paragraph prints: a source's text beyond it is garbage or an attack
/// (a name of 200 000 characters would be a hundred pages), cut with "…".
const MAX_CHARS: usize = 1000;

fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = face.width(word, size);
        let needed = if line.is_empty() { word_width } else { line_width + space + word_width };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_width = needed;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        if word_width <= width {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        // A word longer than the line is cut where it must be.
        for c in word.chars() {
            let c_width = face.width(c.encode_utf8(&mut [0; 4]), size);
            if !line.is_empty() && line_width + c_width > width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += c_width;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

struct Layout<'f> {
    fonts: &'f Fonts,
    lines: Vec<Line>,
    /// The headings, with where they are: the document's outline (bookmarks).
    headings: Vec<(String, usize, f32)>,
    paragraphs: Vec<Paragraph>,
    page: usize,
    y: f32,
}

impl Layout<'_> {
    fn face(&self, style: Style) -> &Face {
        if style.bold { &self.fonts.bold } else { &self.fonts.regular }
    }

    fn line_height(style: Style) -> f32 {
        style.size * 1.4
    }

    /// The lines of a paragraph, wrapped.
    fn wrapped(&self, text: &str, style: Style) -> Vec<String> {
        let face = self.face(style);
        let text = match text.char_indices().nth(MAX_CHARS) {
            Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
            None => text.to_owned(),
        };
        wrap(face, &face.printable(&text), style.size, WIDTH - style.indent)
    }

    /// Starts a new page unless `height` fits on this one.
    fn room_for(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > MARGIN {
            self.page += 1;
            self.y = MARGIN;
        }
    }

    fn paragraph(&mut self, tag: TagKind, item: Option<usize>, lines: Vec<String>, style: Style) {
        let index = self.paragraphs.len();
        self.paragraphs.push(Paragraph { tag, item });
        for text in lines {
            self.room_for(Self::line_height(style));
            self.y += Self::line_height(style);
            self.lines.push(Line { page: self.page, y: self.y, text, style, paragraph: index });
        }
    }

    fn block(&mut self, block: &Block, items: &mut usize) {
        match block {
            Block::Title(text) => {
                self.headings.push((text.clone(), self.page, self.y));
                let lines = self.wrapped(text, TITLE);
                self.paragraph(Tag::Hn(NonZeroU16::MIN, Some(text.clone())).into(), None, lines, TITLE);
                self.y += 8.0;
            }
            Block::Heading(text) => {
                // A heading stays with what follows it.
                self.y += 12.0;
                self.room_for(Self::line_height(HEADING) + 3.0 * Self::line_height(TEXT));
                let lines = self.wrapped(text, HEADING);
                let level = NonZeroU16::new(2).unwrap_or(NonZeroU16::MIN);
                self.headings.push((text.clone(), self.page, self.y));
                self.paragraph(Tag::Hn(level, Some(text.clone())).into(), None, lines, HEADING);
                self.y += 4.0;
            }
            Block::Text(text) => {
                let lines = self.wrapped(text, TEXT);
                self.paragraph(Tag::P.into(), None, lines, TEXT);
                self.y += 4.0;
            }
            Block::Note(text) => {
                let lines = self.wrapped(text, NOTE);
                self.paragraph(Tag::P.into(), None, lines, NOTE);
                self.y += 4.0;
            }
            Block::Item { text, details } => {
                // An item is not split over two pages (unless it is longer than a page).
                let main = self.wrapped(text, ITEM);
                let rest: Vec<Vec<String>> = details.iter().map(|d| self.wrapped(d, DETAIL)).collect();
                let height = main.len() as f32 * Self::line_height(ITEM)
                    + rest.iter().map(|l| l.len() as f32 * Self::line_height(DETAIL)).sum::<f32>();
                self.room_for(height + 6.0);
                let item = *items;
                *items += 1;
                self.paragraph(Tag::P.into(), Some(item), main, ITEM);
                for lines in rest {
                    self.paragraph(Tag::P.into(), Some(item), lines, DETAIL);
                }
                self.y += 6.0;
            }
        }
    }
}

/// The printable as PDF bytes.
pub fn render(printable: &Printable) -> Result<Vec<u8>, String> {
    let fonts = FONTS.as_ref().ok_or("the embedded font cannot be read")?;
    let mut layout =
        Layout { fonts, lines: Vec::new(), headings: Vec::new(), paragraphs: Vec::new(), page: 0, y: MARGIN };
    let mut items = 0;
    for block in &printable.blocks {
        layout.block(block, &mut items);
    }
    let pages = layout.page + 1;

    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| format!("{e:?}"))?;
    let settings = krilla::SerializeSettings { configuration, enable_tagging: true, ..Default::default() };
    let mut document = Document::new_with(settings);
    let mut marked: Vec<Vec<Identifier>> = vec![Vec::new(); layout.paragraphs.len()];
    for page_index in 0..pages {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("an A4 page")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for line in layout.lines.iter().filter(|l| l.page == page_index) {
            let face = layout.face(line.style);
            let grey = line.style.grey;
            surface.set_fill(Some(Fill {
                paint: krilla::color::rgb::Color::new(grey, grey, grey).into(),
                opacity: NormalizedF32::ONE,
                rule: Default::default(),
            }));
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            let at = Point::from_xy(MARGIN + line.style.indent, line.y);
            face.draw(&mut surface, at, line.style.size, &line.text);
            surface.end_tagged();
            if let Some(paragraph) = marked.get_mut(line.paragraph) {
                paragraph.push(id);
            }
        }
        // The footer is no part of the text (a screen reader skips it).
        let footer = printable.footer.replace("{n}", &(page_index + 1).to_string()).replace("{m}", &pages.to_string());
        let footer = fonts.regular.printable(&footer);
        surface.set_fill(Some(Fill {
            paint: krilla::color::rgb::Color::new(0x55, 0x55, 0x55).into(),
            opacity: NormalizedF32::ONE,
            rule: Default::default(),
        }));
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::PageNumber)));
        fonts.regular.draw(&mut surface, Point::from_xy(MARGIN, PAGE_H - 32.0), 8.5, &footer);
        surface.end_tagged();
        surface.finish();
        page.finish();
    }

    // The tag tree, in reading order: each paragraph, an item's paragraphs in a `Div`.
    let mut tree = TagTree::new();
    let mut open: Option<(usize, TagGroup)> = None;
    for (paragraph, ids) in layout.paragraphs.into_iter().zip(marked) {
        let mut group = TagGroup::new(paragraph.tag);
        for id in ids {
            group.push(id);
        }
        match paragraph.item {
            Some(item) => {
                if open.as_ref().is_none_or(|(at, _)| *at != item) {
                    if let Some((_, div)) = open.take() {
                        tree.push(div);
                    }
                    open = Some((item, TagGroup::new(Tag::Div)));
                }
                if let Some((_, div)) = open.as_mut() {
                    div.push(group);
                }
            }
            None => {
                if let Some((_, div)) = open.take() {
                    tree.push(div);
                }
                tree.push(group);
            }
        }
    }
    if let Some((_, div)) = open.take() {
        tree.push(div);
    }
    document.set_tag_tree(tree);
    let mut outline = Outline::new();
    for (text, page, y) in &layout.headings {
        outline.push_child(OutlineNode::new(text.clone(), XyzDestination::new(*page, Point::from_xy(MARGIN, *y))));
    }
    document.set_outline(outline);
    document.set_metadata(
        Metadata::new().title(printable.title.clone()).language(printable.lang.to_owned()).creator("Carnet".to_owned()),
    );
    document.finish().map_err(|e| format!("{e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_within_the_line_and_a_long_word_is_cut() {
        let Some(fonts) = FONTS.as_ref() else { panic!("the font") };
        let text = "Réseau Santé Wallon ".repeat(20);
        let lines = wrap(&fonts.regular, &text, 10.5, 200.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| fonts.regular.width(l, 10.5) <= 200.0));
        let word = "x".repeat(400);
        let cut = wrap(&fonts.regular, &word, 10.5, 200.0);
        assert!(cut.len() > 1 && cut.concat() == word);
        assert!(cut.iter().all(|l| fonts.regular.width(l, 10.5) <= 200.0));
        assert_eq!(fonts.regular.printable("Ðorđe\u{7} Müller 漢"), "Ðorđe Müller ?");
        assert_eq!(fonts.regular.printable("\u{feff}W\u{200b}W\u{202e}"), "WW");
    }

    #[test]
    fn a_printable_becomes_a_tagged_pdf_in_its_language() {
        let printable = Printable {
            lang: "nl",
            title: "Patiëntsamenvatting".into(),
            blocks: vec![
                Block::Title("Patiëntsamenvatting".into()),
                Block::Text("Ðorđe Müller, geboren op 3 maart 1990".into()),
                Block::Heading("Vaccinaties".into()),
                Block::Item { text: "Mazelen".into(), details: vec!["Bron: Réseau Santé Wallon".into()] },
                Block::Note("<script>alert(1)</script>".into()),
            ],
            footer: "Patiëntsamenvatting · Pagina {n} van {m}".into(),
        };
        let bytes = render(&printable).unwrap_or_else(|e| panic!("{e}"));
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/StructTreeRoot"), "tagged");
        assert!(text.contains("/Lang"), "its language");
    }
}
