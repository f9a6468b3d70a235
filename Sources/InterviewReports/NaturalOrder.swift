/// Orders question ids the way people count them: `q2` before `q10`.
enum NaturalOrder {
    static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let left = chunks(a)
        let right = chunks(b)
        for (x, y) in zip(left, right) where x != y {
            if x.isNumber && y.isNumber {
                let xs = x.text.drop { $0 == "0" }
                let ys = y.text.drop { $0 == "0" }
                if xs.count != ys.count { return xs.count < ys.count }
                if xs != ys { return xs < ys }
                return x.text.count < y.text.count
            }
            return x.text < y.text
        }
        if left.count != right.count { return left.count < right.count }
        return a < b
    }

    struct Chunk: Equatable {
        var text: String
        var isNumber: Bool
    }

    static func chunks(_ text: String) -> [Chunk] {
        var result: [Chunk] = []
        for scalar in text.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            if let last = result.last, last.isNumber == isDigit {
                result[result.count - 1].text.unicodeScalars.append(scalar)
            } else {
                result.append(Chunk(text: String(scalar), isNumber: isDigit))
            }
        }
        return result
    }
}
