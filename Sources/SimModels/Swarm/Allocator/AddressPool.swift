/// IPv4 helpers and the address pool of one network (libnetwork's IPAM, as SwarmKit drives it).
public enum IPv4 {
    /// `10.0.1.0` → 0x0A000100.
    public static func parse(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let byte = UInt8(part) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    public static func format(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    /// `10.0.1.0/24` → (base, 24).
    public static func parseCIDR(_ text: String) -> (base: UInt32, prefix: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let base = parse(String(parts[0])), let prefix = Int(parts[1]), (0...32).contains(prefix) else { return nil }
        return (base & mask(prefix), prefix)
    }

    public static func mask(_ prefix: Int) -> UInt32 {
        prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix)
    }

    /// Whether two subnets share any address.
    public static func overlaps(_ a: (base: UInt32, prefix: Int), _ b: (base: UInt32, prefix: Int)) -> Bool {
        let m = mask(min(a.prefix, b.prefix))
        return a.base & m == b.base & m
    }
}

/// The addresses of one subnet. The network address, the gateway (`.1`) and the broadcast
/// address are never handed out. Allocation is serial (the next free address after the last one
/// given, wrapping around), as SwarmKit asks libnetwork's IPAM to do for overlay networks, so
/// that a released address is not reused at once.
public struct AddressPool: Equatable, Sendable {
    public let base: UInt32
    public let prefix: Int
    var used: Set<UInt32> = []
    var cursor: UInt32 = 1

    public init(base: UInt32, prefix: Int) {
        self.base = base
        self.prefix = prefix
    }

    var size: UInt32 { prefix >= 32 ? 1 : UInt32(1) << UInt32(32 - prefix) }

    public var gateway: UInt32 { base + 1 }

    /// `10.0.1.5/24`.
    public func format(_ address: UInt32) -> String { "\(IPv4.format(address))/\(prefix)" }

    /// Whether the pool hands out `address`.
    func isAssignable(_ offset: UInt32) -> Bool { offset >= 2 && offset < size - 1 }

    /// The next free address, or nil if the subnet is full.
    /// - Complexity: O(size) worst case.
    public mutating func allocate() -> UInt32? {
        guard size > 3 else { return nil }
        var offset = cursor
        for _ in 0..<size {
            offset = offset + 1 >= size - 1 ? 2 : offset + 1
            if isAssignable(offset) && !used.contains(offset) {
                used.insert(offset)
                cursor = offset
                return base + offset
            }
        }
        return nil
    }

    /// Marks an address found in the store as used.
    public mutating func reserve(_ address: UInt32) {
        guard address >= base, address - base < size else { return }
        used.insert(address - base)
        cursor = max(cursor, address - base)
    }

    public mutating func release(_ address: UInt32) {
        guard address >= base else { return }
        used.remove(address - base)
    }

    /// Parses `10.0.1.5/24` and returns the address part.
    static func address(of text: String) -> UInt32? {
        IPv4.parse(String(text.split(separator: "/").first ?? ""))
    }
}
