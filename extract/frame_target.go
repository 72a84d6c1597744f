package extract

// Targets: plans, goals, budgets and forecasts, which are never compared
// with outcomes.

// isTarget reports a figure that a plan, goal or forecast states.
func (ff *frameFinder) isTarget(c *figureAt, fr frame) bool {
	return false
}
