package index

// Create makes a new index of n shards under dataDir, for the tests of
// package index_test that need more than one shard whatever the machine.
func Create(dataDir string, n int) (*Index, error) { return create(dataDir+"/"+DirName, n) }
