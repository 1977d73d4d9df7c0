import Foundation
import WorkforceKit

let args = Array(CommandLine.arguments.dropFirst())
let path = args.first ?? "/tmp/big.csv"
let start = Date()
let reader = try CSVReader(url: URL(fileURLWithPath: path))
var rows = 0
var fields = 0
var total = 0
while try reader.nextRecord() {
    rows += 1
    fields += reader.fieldCount
    total &+= reader.fieldBytes(2).count
}
print("rows: \(rows) fields: \(fields) seconds: \(Date().timeIntervalSince(start))")
