import Foundation

/// The clean data file as CSV: formatted straight from the stored answers, on two threads for
/// large exports.
extension ResponseExport {
    package func writeCSV(_ reader: ResponseReader, _ write: ([UInt8]) throws -> Void) throws {
        try write(Array(CSVWriter().record(header(reader)).utf8))
        guard let ids = try reader.idRange() else { return }
        if ids.upperBound - ids.lowerBound < 4 * blockSize {
            var row = CSVRowWriter(splitMultiple: splitMultiple, labels: labels, capacity: 1 << 20)
            try writeRows(reader, ids: nil, into: &row, flushAt: 1 << 20) { try write(Array($0)) }
            return
        }
        try writeInParallel(reader, ids, write)
    }

    /// Formats the rows of `ids` (all without) with `row`, handing its bytes to `flush` (and
    /// clearing them) whenever they reach `flushAt`, and at the end.
    func writeRows(
        _ reader: ResponseReader, ids: ClosedRange<Int64>?, into row: inout CSVRowWriter, flushAt: Int,
        flush: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        var scratch: [Int] = []
        try reader.forEachRaw(ids: ids) { responseID, batchID, key, submitted, map, answers in
            do {
                try row.writeLine(reader, responseID, batchID, key, submitted, map, answers, scratch: &scratch)
            } catch {
                throw WorkforceError.badData(
                    SourceLocation(file: reader.store.path), "table response, row id \(responseID): \(error); the database was damaged or edited by hand")
            }
            if row.out.count >= flushAt {
                try flush(row.out.bytes)
                row.out.removeAll()
            }
        }
        if row.out.count > 0 { try flush(row.out.bytes) }
        row.out.removeAll()
    }

    /// Two threads, each with its own connection, format alternate blocks of ids; this thread
    /// writes the blocks in order. At most a few blocks are held at once, so memory stays bounded.
    func writeInParallel(_ reader: ResponseReader, _ ids: ClosedRange<Int64>, _ write: ([UInt8]) throws -> Void) throws {
        let blocks = stride(from: ids.lowerBound, through: ids.upperBound, by: Int(blockSize)).map {
            $0...min(ids.upperBound, $0 + blockSize - 1)
        }
        let queue = BlockQueue()
        let path = reader.store.path, kind = reader.kind, wave = reader.wave, instrument = reader.instrumentReference
        let export = self
        for worker in 0..<2 {
            let thread = Thread {
                do {
                    let store = try WorkforceStore(path: path, create: false)
                    let own = try ResponseReader(store: store, kind: kind, wave: wave, instrument: instrument)
                    var row = CSVRowWriter(splitMultiple: export.splitMultiple, labels: export.labels, capacity: 8 << 20)
                    for b in stride(from: worker, to: blocks.count, by: 2) {
                        guard queue.waitForRoom(b) else { return }
                        // Stays empty when no stored row falls in the block.
                        var block = queue.emptyBlock()
                        try export.writeRows(own, ids: blocks[b], into: &row, flushAt: .max) { block.append(contentsOf: $0) }
                        queue.put(b, block)
                    }
                } catch {
                    queue.fail(error)
                }
            }
            thread.start()
        }
        defer { queue.cancel() }
        // A write that throws (the output is gone) cancels the queue: the threads stop at their
        // next block.
        for b in blocks.indices {
            let block = try queue.take(b)
            try write(block)
            queue.recycle(block)
        }
    }

    /// Blocks of output handed from the formatting threads to the writer, in order. Written
    /// blocks come back to be filled again: a few megabytes each, fresh memory for every block
    /// would cost a page fault and a page cleared every 4 KiB.
    final class BlockQueue: @unchecked Sendable {  // all state guarded by `condition`
        private let condition = NSCondition()
        private var ready: [Int: [UInt8]] = [:]
        private var spare: [[UInt8]] = []
        private var next = 0
        private var error: (any Error)?
        private var cancelled = false
        static let lookahead = 4

        /// Waits until block `b` is near enough to the one being written; `false` when cancelled.
        func waitForRoom(_ b: Int) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while b - next >= Self.lookahead && !cancelled && error == nil { condition.wait() }
            return !cancelled && error == nil
        }

        /// An empty block, with the capacity of a written one when there is one.
        func emptyBlock() -> [UInt8] {
            condition.lock()
            defer { condition.unlock() }
            guard var block = spare.popLast() else { return [] }
            block.removeAll(keepingCapacity: true)
            return block
        }

        /// Takes back a written block (the caller holds no other reference to it).
        func recycle(_ block: [UInt8]) {
            condition.lock()
            if spare.count < Self.lookahead { spare.append(block) }
            condition.unlock()
        }

        func put(_ b: Int, _ bytes: [UInt8]) {
            condition.lock()
            ready[b] = bytes
            condition.broadcast()
            condition.unlock()
        }

        func fail(_ error: any Error) {
            condition.lock()
            if self.error == nil { self.error = error }
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        func take(_ b: Int) throws -> [UInt8] {
            condition.lock()
            defer { condition.unlock() }
            while ready[b] == nil && error == nil { condition.wait() }
            if let error { throw error }
            let bytes = ready.removeValue(forKey: b) ?? []
            next = b + 1
            condition.broadcast()
            return bytes
        }
    }
}
