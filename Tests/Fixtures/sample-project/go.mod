module example.com/sample

go 1.19

require (
	github.com/google/uuid v1.2.0
	golang.org/x/text v0.26.0 // indirect
	git.corp.example.com/platform/auth v1.4.0
	corp/internal-tools v0.3.1
	github.com/old/forked v1.0.0
	example.com/localdep v0.0.0
)

exclude golang.org/x/text v0.25.0

replace github.com/old/forked v1.0.0 => github.com/ourfork/forked v1.0.1

replace example.com/localdep => ../localdep
