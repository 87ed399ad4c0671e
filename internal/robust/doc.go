// Package robust holds tests of fazhi under hostile and huge input and
// under interruption: a build that fails, is killed or races another
// build must leave the previous output intact and nothing behind.
package robust
