package prosetag

// LoadFast loads the fast part-of-speech tagger that TagFast uses, if it
// is not loaded yet. It is slow (a few hundred milliseconds): a process
// that will tag calls it at start, so that its first text does not pay.
func LoadFast() error {
	_, err := sharedPOS()
	return err
}
