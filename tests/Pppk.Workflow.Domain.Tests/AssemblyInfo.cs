// Each class starts a real host; hosts in one process share some of Hangfire's global state (seen as a job of one host
// running against another's database), and two cores are little, so classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
