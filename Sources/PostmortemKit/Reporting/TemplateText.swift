import Mustache

/// A text value of a report template's context where the context is made again and again: a
/// postmortem's page (``PostmortemPageModel``) and each row of the index's long tables
/// (``LazyRows``).
///
/// swift-mustache renders it as it renders a `String`: `{{value}}` escapes it (with
/// ``ReportHTMLContentType``), `{{{value}}}` prints it as it is, a section over it renders once
/// with it as `{{.}}`, an inverted section over it renders nothing, transforms such as
/// `{{uppercased(value)}}` apply to its text, a dotted name below it (`{{value.x}}`) finds nothing,
/// and a list or row printed whole prints it as it prints a string. It gets there with fewer
/// dynamic casts. Before printing a `String`, swift-mustache 2.1.1 tries it as a custom
/// representation, a template, a custom renderable, a lambda and an optional, then prints it with
/// `String(describing:)`, and every one of those protocol casts is a lookup in the Swift runtime's
/// conformance cache (a few hundred instructions each). A ``TemplateText`` answers the third, so
/// the rest are not tried. A page prints a few hundred values; rendering pages took 11% fewer
/// instructions.
///
/// One thing a `String` does that a ``TemplateText`` does not: name a dynamic partial
/// (`{{>*value}}`), which pm's templates do not use (docs/report.md).
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Sendable, CustomStringConvertible,
                     CustomDebugStringConvertible {
    let renderText: String

    init(_ text: String) { renderText = text }

    var isNull: Bool { false }

    func transform(_ name: String) -> Any? { renderText.transform(name) }

    /// Nothing, as for a `String` (whose mirror has no children): without this, swift-mustache's
    /// `Mirror` lookup would find `renderText` under that name.
    func child(named: String) -> Any? { nil }

    var description: String { renderText }
    var debugDescription: String { renderText.debugDescription }
}
