/// Every rule pm knows, in id order. Adding a rule means adding its type here; the generic
/// example test, `pm rules` and docs/rules.md pick it up from this list.
public enum RuleRegistry {
    public static let all: [any LintRule.Type] = [
        FrontMatterRequiredRule.self,
        FrontMatterValuesRule.self,
        UnknownFrontMatterKeyRule.self,
        RequiredSectionsRule.self,
        PlaceholderRule.self,
        TableShapeRule.self,
        BlameLanguageRule.self,
        PersonBlamedRule.self,
        IncidentTimeOrderRule.self,
        TimestampZoneRule.self,
        TimelineOrderRule.self,
        TimelineWindowRule.self,
        TimelineAgreementRule.self,
        ImpactQuantifiedRule.self,
        ImpactRangeRule.self,
        ContributingFactorsRule.self,
        FactorCategoryRule.self,
        ActionsRequiredRule.self,
        ActionMetadataRule.self,
        OverdueActionRule.self,
        SpecificActionRule.self,
        NotDoingReasonRule.self,
        RelativeLinkRule.self,
        DuplicateIDRule.self,
        SuppressionReasonRule.self,
        UnusedSuppressionRule.self,
        InvalidSuppressionRule.self,
    ]

    /// The rule with this id or alias (case-insensitive).
    public static func rule(named name: String) -> (any LintRule.Type)? {
        let lower = name.lowercased()
        return all.first { $0.description.id.lowercased() == lower || $0.description.alias == lower }
    }
}
