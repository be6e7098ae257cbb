/// Receives every request of every simulated client as it ends, in simulation order.
///
/// The scenario layer implements it to build outage lines and per-client summaries; the data
/// plane calls it and never reads anything back.
public protocol TrafficObserver: AnyObject {
    func requestEnded(_ record: RequestRecord)
}
