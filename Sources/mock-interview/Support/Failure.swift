import ArgumentParser

/// An error whose message is already written for a person: printed as `error: …`, exit 1.
struct Failure: Error, CustomStringConvertible {
    var description: String
    var code: Int32 = 1

    init(_ description: String, code: Int32 = 1) {
        self.description = description
        self.code = code
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any error a user can cause into a message and a non-zero exit.
    func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch let error as Failure {
            Output.error(error.description)
            throw ExitCode(error.code)
        } catch {
            Output.error("\(error)")
            throw ExitCode.failure
        }
    }
}
