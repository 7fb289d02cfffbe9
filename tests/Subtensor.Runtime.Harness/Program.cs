using Subtensor.Runtime.Harness;

return HarnessMain.Run(args);
