package cli

import "fmt"

func runServe(env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "fazhi serve: 尚未实现 (not implemented yet)")
	return ExitUsage
}

func runCheck(env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "fazhi check: 尚未实现 (not implemented yet)")
	return ExitUsage
}

func runNew(env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "fazhi new: 尚未实现 (not implemented yet)")
	return ExitUsage
}
