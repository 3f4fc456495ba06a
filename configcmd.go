package main

import (
	"cable/config"

	"github.com/spf13/cobra"
)

// configcmd.go declares "cable config": the configuration in effect.

func newConfigCommand(global *env) *cobra.Command {
	var view viewFlags
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the configuration in effect and where its file is",
		Args:  usage(0, 0, "cable config (it takes no arguments)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			resolved, cfg, err := view.resolve(cmd, global)
			if err != nil {
				return err
			}
			cfg.Write(cmd.OutOrStdout(), config.View{Style: resolved.style, Width: resolved.width})
			return nil
		},
	}
	view.register(cmd)
	return cmd
}
