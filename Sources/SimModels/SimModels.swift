// SimModels: the Swarm software under test (Raft, store, dispatcher, orchestrators, scheduler, agent, runtime).
import SimEngine
