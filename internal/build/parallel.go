package build

import (
	"context"
	"runtime/debug"
	"sync"

	"github.com/fazhi-dev/fazhi/internal/diag"
)

// parallel runs fn(0..n-1) on w goroutines, stopping early when ctx ends.
// A panic in fn(i) does not end the process (it would take `fazhi serve`
// down with it): it becomes an error for the file name(i), with the panic
// and its stack, and the other items still run. The errors of all panics
// are returned, in item order.
func parallel(ctx context.Context, n, w int, fn func(i int), name func(i int) string) error {
	if w > n {
		w = n
	}
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	panics := map[int]error{}
	run := func(i int) {
		defer func() {
			if v := recover(); v != nil {
				err := panicError(name(i), v, debug.Stack())
				mu.Lock()
				panics[i] = err
				mu.Unlock()
			}
		}()
		fn(i)
	}
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				run(i)
			}
		}()
	}
	wg.Wait()
	var list diag.List
	for i := 0; i < n && len(list) < len(panics); i++ {
		if err, ok := panics[i]; ok {
			list.Add(err)
		}
	}
	return list.Err()
}

// panicError describes a panic while file was processed.
func panicError(file string, v any, stack []byte) error {
	return diag.New(file, 0, "fazhi 内部错误：处理这个文件时程序出错（panic: %v）。"+
		"这不是您写错了：请把这段信息连同这个文件一起报告给 fazhi 的维护者；其他文件照常处理 (internal error)\n%s", v, stack)
}
