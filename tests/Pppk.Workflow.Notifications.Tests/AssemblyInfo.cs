// Each class starts a real host; hosts in one process share Hangfire's global state, and two cores are little, so classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
