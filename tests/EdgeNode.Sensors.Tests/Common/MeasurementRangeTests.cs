using EdgeNode.Sensors;

namespace EdgeNode.Sensors.Tests.Common;

public class MeasurementRangeTests
{
    [Fact]
    public void A_value_inside_the_range_becomes_a_measurement()
    {
        var range = new MeasurementRange(-40, 85);
        Assert.Equal(new Measurement(Metric.TemperatureCelsius, 21.5), range.Check("BME280", Metric.TemperatureCelsius, 21.5));
    }

    [Theory]
    [InlineData(-40.01)]
    [InlineData(85.01)]
    [InlineData(double.NaN)]
    public void A_value_outside_the_range_is_an_out_of_range_fault_naming_sensor_and_value(double value)
    {
        var range = new MeasurementRange(-40, 85);
        SensorFaultException fault = Assert.Throws<SensorFaultException>(() => range.Check("BME280 at I2C bus 1, address 0x76", Metric.TemperatureCelsius, value));
        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains("BME280 at I2C bus 1, address 0x76", fault.Message);
    }
}
