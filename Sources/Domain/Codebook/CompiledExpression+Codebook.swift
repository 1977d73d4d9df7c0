extension CompiledExpression {
    /// Every question's `relevant` of `codebook`, compiled against its choice lists (`lists[q]`,
    /// the choice names of question `q`).
    static func relevance(of codebook: ParsedCodebook, lists: [[String]]) -> [CompiledExpression?] {
        let index = codebook.indexByName
        return codebook.items.map { item in
            item.relevant.map {
                CompiledExpression(
                    $0, index: { index[$0] }, choice: { q, name in lists[q].firstIndex(of: name) },
                    isSelectOne: { codebook.items[$0].type == .selectOne })
            }
        }
    }
}
