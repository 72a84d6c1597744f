// Package check owns fact-checking: comparing the figures of a claim with
// the figures of the corpus that speak of the same thing (metric, subject,
// period and base compatible), in the same canonical unit, with the
// tolerance the printed precision allows, the claim's qualifiers and the
// direction of changes; and finding where the corpus disagrees with itself.
// It works on corpus types only.
package check
