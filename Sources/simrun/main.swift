import Foundation

exit(SimrunCommand.main(Array(CommandLine.arguments.dropFirst())))
