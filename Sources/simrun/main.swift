import Foundation

print("simrun: under construction")
