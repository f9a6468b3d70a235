import Foundation
import InterviewKit

/// The question bank, read from a compiled copy when the files have not changed since it was made:
/// composing the YAML files is most of what a start does before its first prompt, reading the copy a
/// small fraction of it. The copy (`bank-<program>-<key>.bin`, see `CacheFiles`) is keyed by each
/// file's path and content hash, so an edited, added or removed file makes a new one; it is made from
/// a bank that loaded without errors, never from a broken one. `rubric lint` always reads the YAML.
enum CompiledBank {
    static func load(from path: String) throws(BankError) -> QuestionBank {
        guard let source = source(of: path) else { return try QuestionBank.load(from: path) }
        let name = CacheFiles.name("bank", source: source)
        if let bytes = CacheFiles.read(name), let questions = QuestionArchive.decode(bytes), !questions.isEmpty {
            return QuestionBank(questions: questions)
        }
        let bank = try QuestionBank.load(from: path)
        CacheFiles.store(QuestionArchive.encode(bank.questions), as: name, replacing: CacheFiles.prefix("bank"))
        return bank
    }

    /// Every question file of `path` (a folder, or one file) with the hash of its bytes; `nil` when
    /// one cannot be read, so that loading the YAML reports it.
    static func source(of path: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        var files = [path]
        if isDirectory.boolValue {
            guard let entries = try? manager.contentsOfDirectory(atPath: path) else { return nil }
            let base = path.hasSuffix("/") ? path : path + "/"
            files = entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { base + $0 }
        }
        var lines = ["question bank, archive format 1"]
        for file in files {
            guard let data = manager.contents(atPath: file) else { return nil }
            lines.append(file + "\t" + ContentHash.of(String(decoding: data, as: UTF8.self)))
        }
        return lines.joined(separator: "\n")
    }
}
