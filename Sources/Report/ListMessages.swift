/// The tail of a list cut for a terminal line (BoundedList): how much was left out.
enum ListMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.list.more": ("… and {count} more", "……及另外 {count} 项"),
        "ui.list.more-records": ("… and {count} more records (all are in --json)", "……及另外 {count} 条记录（--json 中有全部记录）"),
    ]
}
