// Scenarios: the .scn language, building and running a cluster from it, expectations and reports.
import SimEngine
