import Foundation
import Testing
@testable import CanCuModel
@testable import CanCuInput

/// Helper processes and temporary files: tools found through PATH, file names that look like
/// options, a private temporary folder removed on SIGTERM, helpers killed with their parent and on
/// timeout, and `bench-index --work` leaving an existing folder alone.
@Suite struct HelperProcessTests {
    /// A folder with `bin/` (fake tools, put first on PATH) and `tmp/` (the TMPDIR of the run).
    struct Sandbox {
        let folder: URL
        var bin: URL { folder.appendingPathComponent("bin") }
        var tmp: URL { folder.appendingPathComponent("tmp") }

        init(_ name: String) throws {
            folder = try IndexTestSupport.temporaryFolder(name)
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        }

        /// Writes an executable shell script `bin/NAME`.
        func tool(_ name: String, _ script: String) throws {
            let url = bin.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(script)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }

        var environment: [String: String] {
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment["TMPDIR"] = tmp.path
            return environment
        }

        func contents(_ url: URL) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? [] }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    @Test("a tool outside /usr/bin is found through PATH; a file named -V.doc reaches it as ./-V.doc, not as an option")
    func toolOnPathAndDashFileName() throws {
        let box = try Sandbox("tool-path")
        defer { box.remove() }
        try box.tool("catdoc", "printf '%s\\n' \"$@\" > \"\(box.folder.path)/args\"\necho 'Căn cứ Luật Đất đai số 31/2024/QH15;'")
        try Data(Self.oleMagic + [UInt8](repeating: 0, count: 64)).write(to: box.folder.appendingPathComponent("-V.doc"))
        let run = try CommandLineRun.cancu(["text", "--", "-V.doc"], in: box.folder, environment: box.environment)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.text == "Căn cứ Luật Đất đai số 31/2024/QH15;\n")
        let arguments = try String(contentsOf: box.folder.appendingPathComponent("args"), encoding: .utf8)
        #expect(arguments == "-d\nutf-8\n./-V.doc\n")
        #expect(box.contents(box.tmp).isEmpty, "temporary files left: \(box.contents(box.tmp))")
    }

    @Test("the real catdoc reads a .doc named -V.doc (not its version)",
          .enabled(if: SharedCorpus.has("original/nghi-dinh-82-2018-nd-cp.doc") && ExternalTool(command: "catdoc", package: "catdoc").executable != nil,
                   "needs catdoc and ../shared/corpus/original/nghi-dinh-82-2018-nd-cp.doc"))
    func realCatdocWithDashName() throws {
        let box = try Sandbox("catdoc-dash")
        defer { box.remove() }
        try FileManager.default.copyItem(at: try #require(SharedCorpus.root).appendingPathComponent("original/nghi-dinh-82-2018-nd-cp.doc"),
                                         to: box.folder.appendingPathComponent("-V.doc"))
        let run = try CommandLineRun.cancu(["text", "--", "-V.doc"], in: box.folder, environment: box.environment)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.text.contains("NGHỊ ĐỊNH") || run.text.contains("Nghị định"))
    }

    /// Starts `cancu text -` on a PDF whose fake `pdftotext` hangs, waits until the helper runs,
    /// and returns the process, the helper's pid and the sandbox.
    static func startHangingConversion(_ box: Sandbox) throws -> (Process, pid_t) {
        let pidFile = box.folder.appendingPathComponent("pid")
        try box.tool("pdftotext", "echo $$ > \"\(pidFile.path)\"\nexec sleep 60")
        let input = box.folder.appendingPathComponent("in.pdf")
        try Data("%PDF-1.4\nCăn cứ\n".utf8).write(to: input)
        let cancu = try #require(IndexKillTests.cancu, "build the command first (swift build)")
        let process = Process()
        process.executableURL = cancu
        process.arguments = ["text", "-"]
        process.environment = box.environment
        process.currentDirectoryURL = box.folder
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let text = try? String(contentsOf: pidFile, encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return (process, pid)
            }
            usleep(20_000)
        }
        process.terminate()
        Issue.record("the fake pdftotext never started")
        throw CancellationError()
    }

    /// Whether `pid` is gone (or a zombie waiting for a reaper that is not its old parent).
    static func isGone(_ pid: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            usleep(20_000)
        }
        return false
    }

    @Test("SIGTERM during a conversion: the private 0700 folder and its 0600 files are removed, the helper is killed, the signal is the exit status")
    func terminatedConversionCleansUp() throws {
        let box = try Sandbox("term")
        defer { box.remove() }
        let (process, helper) = try Self.startHangingConversion(box)
        // While it runs: one private folder, mode 0700, holding mode-0600 files only.
        let folders = box.contents(box.tmp)
        #expect(folders.count == 1 && folders[0].hasPrefix("cancu-"), "\(folders)")
        if let name = folders.first {
            let folder = box.tmp.appendingPathComponent(name)
            #expect((try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int) == 0o700)
            let files = box.contents(folder)
            #expect(files.count == 3, "the standard-input copy, stdout and stderr: \(files)")
            for file in files {
                #expect((try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.posixPermissions] as? Int) == 0o600, "\(file)")
            }
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        #expect(box.contents(box.tmp).isEmpty, "left behind: \(box.contents(box.tmp))")
        #expect(Self.isGone(helper), "the helper \(helper) outlived cancu")
    }

    @Test("SIGKILL during a conversion: the helper dies with cancu (parent-death signal)")
    func killedConversionTakesItsHelper() throws {
        let box = try Sandbox("kill")
        defer { box.remove() }
        let (process, helper) = try Self.startHangingConversion(box)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(Self.isGone(helper), "the helper \(helper) outlived cancu")
    }

    @Test("a helper that overruns its time limit is stopped with its whole process group")
    func timeoutKillsTheGroup() throws {
        let box = try Sandbox("timeout")
        defer { box.remove() }
        let pids = box.folder.appendingPathComponent("pids")
        try box.tool("slow", "sleep 60 &\necho $! > \"\(pids.path)\"\nsleep 60")
        let tool = ExternalTool(command: box.bin.appendingPathComponent("slow").path, package: "test")
        let started = ContinuousClock.now
        do {
            _ = try tool.run([], path: "x.pdf", timeout: 1)
            Issue.record("a hanging tool returned")
        } catch {
            #expect(error.diagnostic.code == "tool_timeout")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        let grandchild = pid_t((try String(contentsOf: pids, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(grandchild > 0 && Self.isGone(grandchild), "the helper's own child \(grandchild) survived")
    }

    @Test("file names starting with - are passed as ./NAME; others unchanged")
    func dashNames() {
        #expect(ExternalTool.argument(forFile: "-V.doc") == "./-V.doc")
        #expect(ExternalTool.argument(forFile: "docs/-V.doc") == "docs/-V.doc")
        #expect(ExternalTool.argument(forFile: "/tmp/-x.pdf") == "/tmp/-x.pdf")
    }

    @Test("bench-index --work DIR leaves an existing DIR and its files alone, with and without --keep")
    func benchIndexKeepsAnExistingFolder() throws {
        let box = try Sandbox("bench-work")
        defer { box.remove() }
        let work = box.folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data("giữ".utf8).write(to: work.appendingPathComponent("notes.txt"))
        for keep in [false, true] {
            let run = try CommandLineRun.cancu(
                ["bench-index", "--stages", "query", "--documents", "20", "--procedures", "10", "--queries", "5", "--work", "mine"] + (keep ? ["--keep"] : []),
                in: box.folder, environment: box.environment)
            #expect(run.status == 0, "\(run.error)")
            #expect(FileManager.default.contents(atPath: work.appendingPathComponent("notes.txt").path) == Data("giữ".utf8))
            #expect(box.contents(work).filter { $0 != "notes.txt" }.count == (keep ? 1 : 0), "\(box.contents(work))")
        }
    }
}
