import Foundation

/// Reads a CSV file's records on a thread of its own, ahead of the reader that consumes them:
/// parsing the text and checking the rows then run side by side (``CSVReader/init(prefetching:)``).
///
/// Nothing is copied: a record read by the source reader is handed over by swapping its
/// ``RecordBuffer`` (a few pointers) into a chunk, and the consumer swaps it into its own
/// reader, giving back the buffer it held. The records, their lines and columns, their limits
/// and the first error come out exactly as the source reader gives them, in order: an error is
/// thrown once every record before it has been read.
final class RecordPrefetcher: RecordSource {
    private let shared: Shared
    private var current: Chunk?
    private var index = 0

    /// Starts reading `source` (whose header, if any, has been read) on a new thread; from now
    /// on only that thread uses `source`.
    init(reading source: CSVReader) {
        shared = Shared()
        let shared = self.shared
        let handover = Handover(reader: source)
        let thread = Thread { Self.read(handover.reader, into: shared) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Stops the reading thread when the consumer stops early.
    deinit { shared.cancel() }

    func nextRecord(into record: inout RecordBuffer, reader: CSVReader) throws(CSVError) -> Int? {
        while true {
            if let chunk = current {
                if index < chunk.count {
                    swap(&record, &chunk.records[index])
                    index += 1
                    return chunk.lines[index - 1]
                }
                shared.recycle(chunk)
                current = nil
            }
            switch shared.take() {
            case .chunk(let chunk):
                current = chunk
                index = 0
            case .end:
                return nil
            case .failure(let error):
                throw error
            }
        }
    }

    /// The reading thread: fills chunks until the end, the first error or a cancel.
    private static func read(_ source: CSVReader, into shared: Shared) {
        var chunk = shared.emptyChunk()
        do throws(CSVError) {
            while try source.nextRecord() {
                source.swapRecord(&chunk.records[chunk.count])
                chunk.lines[chunk.count] = source.recordLine
                chunk.count += 1
                if chunk.count == Chunk.capacity {
                    guard shared.put(chunk) else { return }
                    chunk = shared.emptyChunk()
                }
            }
            if chunk.count > 0 { guard shared.put(chunk) else { return } }
            shared.finish(nil)
        } catch {
            if chunk.count > 0 { guard shared.put(chunk) else { return } }
            shared.finish(error)
        }
    }

    /// The source reader, handed to the reading thread, which alone uses it from then on.
    private struct Handover: @unchecked Sendable {
        let reader: CSVReader
    }

    /// Records read ahead, each in a buffer of its own (allocated once and passed around).
    final class Chunk: @unchecked Sendable {  // used by one thread at a time, handed over under `Shared`'s lock
        static let capacity = 512
        var records: [RecordBuffer]
        var lines: [Int]
        var count = 0

        init() {
            records = (0..<Self.capacity).map { _ in RecordBuffer() }
            lines = Array(repeating: 0, count: Self.capacity)
        }

        deinit { for record in records { record.deallocate() } }
    }

    enum Item {
        case chunk(Chunk)
        case end
        case failure(CSVError)
    }

    /// The bounded queue between the two threads, and the chunks given back.
    final class Shared: @unchecked Sendable {  // all state guarded by `condition`
        private let condition = NSCondition()
        private var chunks: [Chunk] = []
        private var spare: [Chunk] = []
        private var finished = false
        private var failure: CSVError?
        private var cancelled = false
        private let limit = 4

        /// Adds a chunk, waiting while the queue is full; `false` once the consumer has gone.
        func put(_ chunk: Chunk) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while chunks.count >= limit && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            chunks.append(chunk)
            condition.broadcast()
            return true
        }

        func finish(_ error: CSVError?) {
            condition.lock()
            finished = true
            failure = error
            condition.broadcast()
            condition.unlock()
        }

        func take() -> Item {
            condition.lock()
            defer { condition.unlock() }
            while chunks.isEmpty && !finished { condition.wait() }
            if !chunks.isEmpty {
                let chunk = chunks.removeFirst()
                condition.broadcast()
                return .chunk(chunk)
            }
            return failure.map(Item.failure) ?? .end
        }

        func emptyChunk() -> Chunk {
            condition.lock()
            let chunk = spare.popLast()
            condition.unlock()
            return chunk ?? Chunk()
        }

        func recycle(_ chunk: Chunk) {
            chunk.count = 0
            condition.lock()
            if spare.count < 2 { spare.append(chunk) }
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}

extension CSVReader {
    /// A reader of `source`'s remaining records that parses them on a thread of its own
    /// (``RecordPrefetcher``), for a caller that spends as long on each record as parsing it
    /// takes. From now on only the new reader may be used; `source` must read CSV text (no
    /// ``recordSource``, no ``sheetRows``).
    package convenience init(prefetching source: CSVReader) {
        precondition(source.readsText, "only CSV text is read ahead")
        self.init(source: MemoryByteSource([]), name: source.name, delimiter: source.delimiter, chunkSize: 4)
        maxRecordBytes = source.maxRecordBytes
        maxFields = source.maxFields
        recordSource = RecordPrefetcher(reading: source)
    }
}
