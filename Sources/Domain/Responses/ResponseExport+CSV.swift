import Foundation

/// The clean data file as CSV: formatted straight from the stored answers, on two threads for
/// large exports.
extension ResponseExport {
    package func writeCSV(_ reader: ResponseReader, _ write: ([UInt8]) throws -> Void) throws {
        let writer = CSVWriter()
        try write(Array(writer.record(header(reader)).utf8))
        guard let ids = try reader.idRange() else { return }
        if ids.upperBound - ids.lowerBound < 4 * blockSize {
            let buffer = ByteBuffer()
            try writeRows(reader, ids: nil, into: buffer) { try write(Array($0.bytes)); $0.removeAll() }
            try write(Array(buffer.bytes))
            return
        }
        try writeInParallel(reader, ids, write)
    }

    /// Formats the rows of `ids` (all without) into `buffer`, calling `flush` when it holds a MiB.
    func writeRows(_ reader: ResponseReader, ids: ClosedRange<Int64>?, into buffer: ByteBuffer, flush: (ByteBuffer) throws -> Void) throws {
        let writer = CSVWriter()
        let row = CSVRowWriter(writer: writer, splitMultiple: splitMultiple, labels: labels, out: buffer)
        var layouts: [ObjectIdentifier: CSVLayout] = [:]
        var scratch: [Int] = []
        try reader.forEachRaw(ids: ids) { responseID, batchID, key, submitted, map, answers in
            let id = ObjectIdentifier(map)
            if row.layout == nil || row.mapID != id {
                let layout = layouts[id] ?? CSVLayout(map: map, reader: reader, labels: labels, writer: writer)
                layouts[id] = layout
                row.use(map, layout)
            }
            CSVWriter.appendInteger(responseID, to: &row.out)
            row.out.append(UInt8(ascii: ","))
            CSVWriter.appendInteger(batchID, to: &row.out)
            row.out.append(UInt8(ascii: ","))
            writer.append(bytes: key, to: &row.out)
            row.out.append(UInt8(ascii: ","))
            writer.append(bytes: submitted, to: &row.out)
            do {
                try row.write(map, answers, &scratch)
            } catch {
                throw WorkforceError.badData(
                    SourceLocation(file: reader.store.path), "table response, row id \(responseID): \(error); the database was damaged or edited by hand")
            }
            row.out.append(0x0D)
            row.out.append(0x0A)
            if row.out.count >= 1 << 20 { try flush(row.out) }
        }
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
                    for b in stride(from: worker, to: blocks.count, by: 2) {
                        guard queue.waitForRoom(b) else { return }
                        let buffer = ByteBuffer(capacity: 6 << 20)
                        try export.writeRows(own, ids: blocks[b], into: buffer) { _ in }
                        queue.put(b, Array(buffer.bytes))
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
        for b in blocks.indices { try write(try queue.take(b)) }
    }

    /// Blocks of output handed from the formatting threads to the writer, in order.
    final class BlockQueue: @unchecked Sendable {  // all state guarded by `condition`
        private let condition = NSCondition()
        private var ready: [Int: [UInt8]] = [:]
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
